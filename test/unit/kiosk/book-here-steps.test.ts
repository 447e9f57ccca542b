import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bookHereReducer, firstStep, isFirstStep, type BookHereAction, type BookHereStep } from '../../../kiosk/src/visit/book-here-steps';

const TOPIC = 't1';
const DAY = { day: '2030-04-02', times: [{ startsAt: '2030-04-02T01:00:00.000Z', endsAt: '2030-04-02T01:30:00.000Z' }] };
const TIME = DAY.times[0] ?? { startsAt: '', endsAt: '' };
const NEXT = { startsAt: '2030-04-02T01:30:00.000Z', endsAt: '2030-04-02T02:00:00.000Z' };
const run = (actions: BookHereAction[], from: BookHereStep): BookHereStep => actions.reduce(bookHereReducer, from);

describe('「この窓口で予約する」 steps', () => {
  it('skips the topic when there is only one, and knows where 「戻る」 leaves', () => {
    assert.deepEqual(firstStep([TOPIC]), { step: 'day', topicId: TOPIC });
    assert.deepEqual(firstStep([TOPIC, 't2']), { step: 'topic' });
    assert.equal(isFirstStep({ step: 'day', topicId: TOPIC }, [TOPIC]), true);
    assert.equal(isFirstStep({ step: 'day', topicId: TOPIC }, [TOPIC, 't2']), false);
  });

  it('topic -> day -> time -> confirm -> submitting; a refusal keeps the choice with its reason', () => {
    const confirming = run([{ type: 'topicChosen', topicId: TOPIC }, { type: 'dayChosen', day: DAY }, { type: 'timeChosen', time: TIME }], { step: 'topic' });
    assert.deepEqual(confirming, { step: 'confirm', topicId: TOPIC, time: TIME, submitting: false, error: null });
    const submitting = bookHereReducer(confirming, { type: 'submitted' });
    assert.equal(bookHereReducer(submitting, { type: 'submitted' }), submitting, 'one press books once');
    assert.equal(bookHereReducer(submitting, { type: 'back' }), submitting, 'no going back while booking');
    assert.deepEqual(bookHereReducer(submitting, { type: 'failed', error: 'offline' }), { ...confirming, error: 'offline' });
  });

  it('a taken time offers the next free ones, and one of them goes to confirm', () => {
    const submitting = run([{ type: 'timeChosen', time: TIME }, { type: 'submitted' }], { step: 'time', topicId: TOPIC, day: DAY });
    const taken = bookHereReducer(submitting, { type: 'taken', nextFreeTimes: [NEXT] });
    assert.deepEqual(taken, { step: 'taken', topicId: TOPIC, nextFreeTimes: [NEXT] });
    assert.deepEqual(bookHereReducer(taken, { type: 'timeChosen', time: NEXT }), { step: 'confirm', topicId: TOPIC, time: NEXT, submitting: false, error: null });
    assert.deepEqual(bookHereReducer(taken, { type: 'back' }), { step: 'day', topicId: TOPIC });
  });
});
