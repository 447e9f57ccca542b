import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { RecogniserProcess, type RecogniserEvent } from '../../../../server/src/captions/recogniser-process';
import { withCaptionLine } from '../../../../kiosk/src/visit/in-call-extras';
import type { CaptionLine } from '@madoguchi/contract/captions';

/** A recogniser that speaks the protocol (and one line outside it), echoes the byte count it read, then crashes. */
function crashingEngine(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'madoguchi-engine-'));
  const file = path.join(dir, 'engine.sh');
  writeFileSync(
    file,
    [
      '#!/bin/sh',
      `echo '{"type":"ready"}'`,
      'echo this is not json',
      `echo '{"type":"partial","text":"hello"}'`,
      'bytes=$(head -c 3200 | wc -c)',
      `echo "{\\"type\\":\\"final\\",\\"text\\":\\"heard $bytes bytes\\"}"`,
      'exit 3',
      '',
    ].join('\n'),
  );
  chmodSync(file, 0o755);
  return file;
}

describe('RecogniserProcess: the recogniser protocol over a real child process', () => {
  it('passes partial and final text on, ignores other lines, and restarts a crashed engine with a back-off until stopped', async () => {
    const events: RecogniserEvent[] = [];
    const states: string[] = [];
    const recogniser = new RecogniserProcess({
      spec: { name: 'test', command: crashingEngine(), args: [] },
      onText: (event) => events.push(event),
      onState: (state) => states.push(state),
    });
    recogniser.start();
    const firstPid = recogniser.pid;
    recogniser.write(Buffer.alloc(3200));
    const deadline = Date.now() + 10_000;
    while (states.filter((s) => s === 'running').length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    recogniser.stop();
    assert.deepEqual(events.slice(0, 2), [
      { type: 'partial', text: 'hello' },
      { type: 'final', text: 'heard 3200 bytes' },
    ]);
    assert.deepEqual(states.slice(0, 3), ['running', 'restarting', 'running']);
    assert.equal(recogniser.restartCount, 1);
    assert.notEqual(firstPid, null);
    const restartsAtStop = recogniser.restartCount;
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.equal(recogniser.restartCount, restartsAtStop, 'no restart after stop()');
  });
});

describe('kiosk caption lines', () => {
  const line = (lineId: string, text: string, extra: Partial<CaptionLine> = {}): CaptionLine => ({
    consultationId: 's',
    lineId,
    source: 'recogniser',
    text,
    final: true,
    corrected: false,
    at: '2026-01-01T00:00:00.000Z',
    ...extra,
  });

  it('keeps the newest three at the bottom, updates a line in place, and does not bring back a corrected line that scrolled away', () => {
    let lines: readonly CaptionLine[] = [];
    for (const id of ['a', 'b', 'c', 'd']) lines = withCaptionLine(lines, line(id, id));
    assert.deepEqual(lines.map((l) => l.lineId), ['b', 'c', 'd']);
    lines = withCaptionLine(lines, line('c', 'c2', { corrected: true }));
    assert.deepEqual(lines.map((l) => l.text), ['b', 'c2', 'd']);
    lines = withCaptionLine(lines, line('a', 'a2', { corrected: true }));
    assert.deepEqual(lines.map((l) => l.lineId), ['b', 'c', 'd']);
  });
});
