import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isTransient, WriteRetryQueue } from '../../../../server/src/domain/write-retry-queue';

/** A fake database: refuses connections while `down` is true, and records what landed, in order. */
class FakeDatabase {
  down = false;
  readonly landed: string[] = [];
  write(label: string): () => Promise<string> {
    return async () => {
      if (this.down) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      this.landed.push(label);
      return label;
    };
  }
}

describe('WriteRetryQueue (fake database)', () => {
  it('writes at once while the database answers', async () => {
    const db = new FakeDatabase();
    const queue = new WriteRetryQueue({ initialDelayMs: 5 });
    await queue.submit('a', db.write('a'));
    assert.deepEqual(db.landed, ['a']);
    assert.equal(queue.size, 0);
  });

  it('flush() waits for a write in flight and for held work still waiting for its turn (a shutdown loses neither)', async () => {
    const queue = new WriteRetryQueue({ initialDelayMs: 5 });
    const landed: string[] = [];
    let letGo: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (letGo = resolve));
    void queue.submit('slow', async () => {
      await slow;
      landed.push('slow');
    });
    // Waits for its turn behind the slow one, as a consultation's next timeline event does.
    void queue.hold(slow.then(() => queue.submit('next', async () => void landed.push('next'))));
    const flushed = queue.flush(5_000);
    setTimeout(letGo, 100);
    assert.equal(await flushed, 0);
    assert.deepEqual(landed, ['slow', 'next']);
    assert.equal(await queue.flush(10), 0, 'nothing is left once all settled');
  });

  it('keeps writes made during an outage and lands them in order once it is back; later writes queue behind', async () => {
    const db = new FakeDatabase();
    const queue = new WriteRetryQueue({ initialDelayMs: 5, maxDelayMs: 20 });
    db.down = true;
    await queue.submit('ended', db.write('ended'));
    const outcome = await queue.submitForResult('outcome', db.write('outcome'));
    assert.deepEqual(outcome, { queued: true });
    assert.equal(queue.size, 2);
    db.down = false;
    // Submitted while the others wait: it must not overtake them.
    await queue.submit('survey', db.write('survey'));
    assert.equal(await queue.flush(10_000), 0);
    assert.deepEqual(db.landed, ['ended', 'outcome', 'survey']);
    queue.stop();
  });

  it('gives a conditional write its answer when it runs now', async () => {
    const db = new FakeDatabase();
    const queue = new WriteRetryQueue({ initialDelayMs: 5 });
    assert.deepEqual(await queue.submitForResult('outcome', db.write('outcome')), { queued: false, result: 'outcome' });
  });

  it('does not keep a write the database refused for its data', async () => {
    const queue = new WriteRetryQueue({ initialDelayMs: 5 });
    const bad = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
    await assert.rejects(queue.submit('bad', () => Promise.reject(bad)), /duplicate key/);
    assert.equal(queue.size, 0);
  });

  it('drops the oldest pending write beyond its limit', async () => {
    const db = new FakeDatabase();
    const queue = new WriteRetryQueue({ initialDelayMs: 5, maxPending: 2 });
    db.down = true;
    for (const label of ['1', '2', '3']) await queue.submit(label, db.write(label));
    assert.equal(queue.size, 2);
    db.down = false;
    assert.equal(await queue.flush(10_000), 0);
    assert.deepEqual(db.landed, ['2', '3']);
    queue.stop();
  });

  it('tells connection failures (also wrapped by TypeORM) from bad data', () => {
    assert.equal(isTransient(Object.assign(new Error('x'), { code: '57P01' })), true);
    assert.equal(isTransient({ message: 'query failed', driverError: new Error('Connection terminated unexpectedly') }), true);
    assert.equal(isTransient(Object.assign(new Error('x'), { code: '23505' })), false);
  });
});
