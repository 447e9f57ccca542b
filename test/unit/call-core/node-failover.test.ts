import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { failoverCandidates, NodeFailover, type FailoverOutcome } from '@madoguchi/call-core/node-failover';

const A = 'http://10.0.0.1:3000';
const B = 'http://10.0.0.2:3000';
const C = 'http://10.0.0.3:3000';

describe('a kiosk whose node stopped tries the others (node-failover)', () => {
  it('the candidates are the other nodes, in the server\'s order, each once, never the lost one', () => {
    assert.deepEqual(failoverCandidates([A, B, `${B}/`, C, 'not a url'], A), [B, C]);
    assert.deepEqual(failoverCandidates([A], A), [], 'a lone node has nowhere to go');
  });

  it('tries each node in turn until one takes the call, then stops', async () => {
    const tried: string[] = [];
    let needed = true;
    const answers: Record<string, FailoverOutcome> = { [B]: 'not_here', [C]: 'resumed' };
    const failover = new NodeFailover({
      nodeUrls: () => [A, B, C],
      lostOrigin: () => A,
      needed: () => needed,
      attempt: async (url) => {
        tried.push(url);
        if (answers[url] === 'resumed') needed = false;
        return answers[url] ?? 'not_here';
      },
    });
    failover.arm(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(tried, [B, C]);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    assert.deepEqual(tried, [B, C], 'no second round once resumed');
  });

  it('goes round again while no node could take it (the lost lease may not have run out), and not after disarm', async () => {
    const tried: string[] = [];
    let needed = true;
    const failover = new NodeFailover({
      nodeUrls: () => [A, B],
      lostOrigin: () => A,
      needed: () => needed,
      attempt: async (url) => {
        tried.push(url);
        if (tried.length === 2) needed = false;
        throw new Error('unreachable');
      },
    });
    failover.arm(0);
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    assert.deepEqual(tried, [B, B]);
    failover.disarm();
  });

  it('a socket that came back before the delay cancels the attempt', async () => {
    const tried: string[] = [];
    const failover = new NodeFailover({
      nodeUrls: () => [A, B],
      lostOrigin: () => A,
      needed: () => true,
      attempt: async (url) => {
        tried.push(url);
        return 'resumed';
      },
    });
    failover.arm(100);
    failover.disarm();
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(tried, []);
  });
});
