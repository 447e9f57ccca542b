import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IDLE_WARNING_STATES, transition } from '../../../kiosk/src/visit/kiosk-state';
import type { KioskEvent, KioskState, KioskStateName } from '../../../kiosk/src/visit/kiosk-state';

const CONSULTATION_ID = '0f6b8f0e-4a43-4a43-9d0c-2b8a1f0d5e11';

const run = (events: readonly KioskEvent[], from: KioskState = { name: 'starting' }): KioskState =>
  events.reduce(transition, from);

/** The state names visited, one per event. */
const walk = (events: readonly KioskEvent[], from: KioskState = { name: 'starting' }): KioskStateName[] => {
  const names: KioskStateName[] = [];
  let state = from;
  for (const event of events) {
    state = transition(state, event);
    names.push(state.name);
  }
  return names;
};

const TO_START: readonly KioskEvent[] = Object.freeze([{ type: 'ready' }, { type: 'begin' }]);

describe('kiosk state machine: walk-in', () => {
  it('walks starting -> idle -> start -> walkIn -> calling -> inCall -> survey -> ended -> idle', () => {
    const names = walk([
      ...TO_START,
      { type: 'walkInChosen' },
      { type: 'callRequested' },
      { type: 'queued', queuePosition: 2 },
      { type: 'accepted', staffName: '窓口' },
      { type: 'callEnded', reason: 'completed', consultationId: CONSULTATION_ID },
      { type: 'surveyDone' },
      { type: 'timeout' },
    ]);
    assert.deepEqual(names, ['idle', 'start', 'walkIn', 'calling', 'calling', 'inCall', 'survey', 'ended', 'idle']);
  });

  it('start -> calling directly when there is no department to choose', () => {
    assert.deepEqual(run([...TO_START, { type: 'callRequested' }]), { name: 'calling', queuePosition: null, residentName: null });
  });

  it('keeps the queue position up to date while waiting', () => {
    const state = run([...TO_START, { type: 'callRequested' }, { type: 'queued', queuePosition: 3 }, { type: 'queued', queuePosition: 1 }]);
    assert.deepEqual(state, { name: 'calling', queuePosition: 1, residentName: null });
  });

  it('returns to idle when the resident cancels while waiting', () => {
    assert.deepEqual(run([...TO_START, { type: 'callRequested' }, { type: 'cancelled' }]), { name: 'idle' });
  });
});

describe('kiosk state machine: check-in', () => {
  const submitted = run([...TO_START, { type: 'bookingChosen' }, { type: 'checkInSubmitted' }]);

  it('start -> checkIn, and a submitted code waits for the server', () => {
    assert.deepEqual(run([...TO_START, { type: 'bookingChosen' }]), { name: 'checkIn', submitting: false, error: null });
    assert.deepEqual(submitted, { name: 'checkIn', submitting: true, error: null });
  });

  it('a known code queues the resident and shows their name while waiting', () => {
    const state = transition(submitted, { type: 'checkedIn', queuePosition: 1, residentName: '山田 太郎' });
    assert.deepEqual(state, { name: 'calling', queuePosition: 1, residentName: '山田 太郎' });
  });

  it('a wrong code stays on checkIn with the error, and the resident can try again', () => {
    const refused = transition(submitted, { type: 'checkInFailed', error: 'notFound' });
    assert.deepEqual(refused, { name: 'checkIn', submitting: false, error: 'notFound' });
    assert.deepEqual(transition(refused, { type: 'checkInSubmitted' }), { name: 'checkIn', submitting: true, error: null });
  });

  it('keeps a rate-limit refusal apart from a wrong code', () => {
    assert.deepEqual(transition(submitted, { type: 'checkInFailed', error: 'rateLimited' }), {
      name: 'checkIn',
      submitting: false,
      error: 'rateLimited',
    });
  });

  it('goes straight to inCall when a specialist answers before the check-in ack arrives', () => {
    assert.deepEqual(transition(submitted, { type: 'accepted', staffName: '佐藤' }), { name: 'inCall', staffName: '佐藤' });
  });

  it('ignores back and inactivity while a code is being checked', () => {
    assert.equal(transition(submitted, { type: 'back' }), submitted);
    assert.equal(transition(submitted, { type: 'timeout' }), submitted);
  });

  it('forgets the resident name once the call is answered', () => {
    const inCall = run([{ type: 'checkedIn', queuePosition: 1, residentName: '山田 太郎' }, { type: 'accepted', staffName: null }], submitted);
    assert.deepEqual(inCall, { name: 'inCall', staffName: null });
    assert.ok(!JSON.stringify(inCall).includes('山田'));
  });
});

describe('kiosk state machine: going back and walking away', () => {
  it('back goes one screen back: checkIn and walkIn to start, start to idle', () => {
    assert.deepEqual(run([...TO_START, { type: 'bookingChosen' }, { type: 'back' }]), { name: 'start' });
    assert.deepEqual(run([...TO_START, { type: 'walkInChosen' }, { type: 'back' }]), { name: 'start' });
    assert.deepEqual(run([...TO_START, { type: 'back' }]), { name: 'idle' });
  });

  it('inactivity on start, checkIn or walkIn returns to idle', () => {
    for (const choice of [[], [{ type: 'bookingChosen' }], [{ type: 'walkInChosen' }]] as const) {
      assert.deepEqual(run([...TO_START, ...choice, { type: 'timeout' }]), { name: 'idle' });
    }
  });
});

describe('kiosk state machine: after the call', () => {
  const inCall: KioskState = { name: 'inCall', staffName: '窓口' };

  it('an answered call with a consultation goes to the survey, keeping the end reason', () => {
    assert.deepEqual(transition(inCall, { type: 'callEnded', reason: 'network_lost', consultationId: CONSULTATION_ID }), {
      name: 'survey',
      consultationId: CONSULTATION_ID,
      reason: 'network_lost',
    });
  });

  it('a call without a consultation id skips the survey', () => {
    assert.deepEqual(transition(inCall, { type: 'callEnded', reason: 'completed', consultationId: null }), {
      name: 'ended',
      reason: 'completed',
    });
  });

  it('the survey ends by an answer, a skip or its own timeout', () => {
    const survey: KioskState = { name: 'survey', consultationId: CONSULTATION_ID, reason: 'completed' };
    assert.deepEqual(transition(survey, { type: 'surveyDone' }), { name: 'ended', reason: 'completed' });
    assert.deepEqual(transition(survey, { type: 'timeout' }), { name: 'ended', reason: 'completed' });
    assert.equal(transition(survey, { type: 'begin' }), survey);
  });
});

describe('kiosk state machine: pairing', () => {
  it('any state goes to pairing when the credential is missing or refused', () => {
    const from: KioskState[] = [{ name: 'starting' }, { name: 'idle' }, { name: 'inCall', staffName: null }];
    for (const state of from) {
      assert.deepEqual(transition(state, { type: 'pairingRequired', reason: 'revoked' }), {
        name: 'pairing',
        reason: 'revoked',
        submitting: false,
        error: null,
      });
    }
  });

  it('stays in pairing through faults, timeouts and ready until a pairing succeeds', () => {
    const pairing = transition({ name: 'starting' }, { type: 'pairingRequired', reason: 'unregistered' });
    for (const event of [{ type: 'fault', fault: 'offline' }, { type: 'timeout' }, { type: 'ready' }, { type: 'paired' }] as const) {
      assert.equal(transition(pairing, event), pairing);
    }
  });

  it('a refused code shows its error; a good one starts the kiosk over', () => {
    const submitting = run([{ type: 'pairingRequired', reason: 'requested' }, { type: 'pairingSubmitted' }]);
    assert.deepEqual(transition(submitting, { type: 'pairingFailed', error: 'wrongCode' }), {
      name: 'pairing',
      reason: 'requested',
      submitting: false,
      error: 'wrongCode',
    });
    assert.deepEqual(transition(submitting, { type: 'paired' }), { name: 'starting' });
  });
});

describe('kiosk state machine: faults', () => {
  it('recovers from faults on ready or timeout', () => {
    assert.deepEqual(run([{ type: 'fault', fault: 'offline' }, { type: 'ready' }]), { name: 'idle' });
    assert.deepEqual(run([{ type: 'fault', fault: 'noAnswer' }, { type: 'timeout' }]), { name: 'idle' });
  });

  it('ignores events that do not apply and returns the very same state object', () => {
    const idle: KioskState = { name: 'idle' };
    assert.equal(transition(idle, { type: 'accepted', staffName: null }), idle);
    assert.equal(transition(idle, { type: 'callEnded', reason: 'completed', consultationId: CONSULTATION_ID }), idle);
    assert.equal(transition(idle, { type: 'checkedIn', queuePosition: 1, residentName: 'x' }), idle);
    const fault: KioskState = { name: 'fault', fault: 'offline' };
    assert.equal(transition(fault, { type: 'fault', fault: 'offline' }), fault);
  });
});

describe('kiosk state machine: transfer to another department', () => {
  const IN_CALL: KioskState = { name: 'inCall', staffName: '佐藤' };
  const ZEIMU = '7c1f9a2d-2e3f-4a5b-9c6d-7e8f9a0b1c2d';

  it('inCall -> calling with the new department, no check-in and no resident name', () => {
    const state = transition(IN_CALL, { type: 'transferred', departmentId: ZEIMU, departmentName: '税務課', queuePosition: 2 });
    assert.deepEqual(state, { name: 'calling', queuePosition: 2, residentName: null, transferredTo: { id: ZEIMU, name: '税務課' } });
  });

  it('the next specialist answers as for any waiting call', () => {
    const names = walk([{ type: 'transferred', departmentId: ZEIMU, departmentName: '税務課', queuePosition: 1 }, { type: 'accepted', staffName: '鈴木' }], IN_CALL);
    assert.deepEqual(names, ['calling', 'inCall']);
  });

  it('a transfer notice outside a call changes nothing', () => {
    for (const from of [{ name: 'idle' }, { name: 'start' }, { name: 'ended', reason: 'completed' }] as KioskState[]) {
      assert.equal(transition(from, { type: 'transferred', departmentId: ZEIMU, departmentName: '税務課', queuePosition: 1 }), from);
    }
  });
});

describe('kiosk state machine: a call whose media never got through', () => {
  const IN_CALL: KioskState = { name: 'inCall', staffName: '窓口' };
  it('inCall -> mediaFailed on media_failed, with no survey', () => {
    assert.deepEqual(transition(IN_CALL, { type: 'callEnded', reason: 'media_failed', consultationId: CONSULTATION_ID }), { name: 'mediaFailed' });
  });
  it('「もう一度 呼ぶ」 goes back to the first choice; 「おわる」 and the timer to Idle', () => {
    assert.deepEqual(transition({ name: 'mediaFailed' }, { type: 'retry' }), { name: 'start' });
    assert.deepEqual(transition({ name: 'mediaFailed' }, { type: 'back' }), { name: 'idle' });
    assert.deepEqual(transition({ name: 'mediaFailed' }, { type: 'timeout' }), { name: 'idle' });
  });
});

describe('kiosk state machine: nobody is reset for sitting still while waiting or in a call (issue 14)', () => {
  it('asks 「続けますか？」 only on the choosing and typing screens', () => {
    assert.deepEqual([...IDLE_WARNING_STATES].sort(), ['bookHere', 'booked', 'checkIn', 'start', 'walkIn']);
    assert.equal(IDLE_WARNING_STATES.has('calling'), false);
    assert.equal(IDLE_WARNING_STATES.has('inCall'), false);
  });

  it('keeps what the server says about the wait: 「まもなく」, minutes, or nobody', () => {
    const waiting = transition({ name: 'calling', queuePosition: 1, residentName: null }, { type: 'queueMoved', queuePosition: 1, estimatedWaitSeconds: null, outlook: 'nobody' });
    assert.deepEqual(waiting, { name: 'calling', queuePosition: 1, residentName: null, estimatedWaitSeconds: null, outlook: 'nobody' });
    const same = transition(waiting, { type: 'queueMoved', queuePosition: 1, estimatedWaitSeconds: null, outlook: 'nobody' });
    assert.equal(same, waiting, 'nothing changed: the same state object');
    assert.equal((transition(waiting, { type: 'queueMoved', queuePosition: 1, estimatedWaitSeconds: null, outlook: 'soon' }) as { outlook?: string }).outlook, 'soon');
  });
});

describe('kiosk state machine: 「この窓口で予約する」', () => {
  const DEPARTMENT = '5b0e8f1c-1d2e-4f3a-8b4c-5d6e7f8a9b0c';
  const BOOKING = {
    checkInCode: '123456',
    checkInQrSvg: '<svg/>',
    startsAt: '2030-04-02T01:00:00.000Z',
    endsAt: '2030-04-02T01:30:00.000Z',
    departmentId: DEPARTMENT,
    departmentName: '子育て支援課',
    topicName: '児童手当',
  };
  const waiting = run([...TO_START, { type: 'walkInChosen' }, { type: 'callRequested', departmentId: DEPARTMENT }]);

  it('remembers the department a walk-in chose, and forgets it after a transfer', () => {
    assert.deepEqual(waiting, { name: 'calling', queuePosition: null, residentName: null, departmentId: DEPARTMENT });
    const transferred = transition(waiting, { type: 'transferred', departmentId: '7c1f9a2d-2e3f-4a5b-9c6d-7e8f9a0b1c2d', departmentName: '税務課', queuePosition: 1 });
    assert.equal('departmentId' in transferred, false);
    assert.equal(transition(transferred, { type: 'bookHereChosen' }), transferred, 'no department of the resident’s own choice: nothing to book');
  });

  it('calling -> bookHere -> booked -> idle, and bookHere -> start with 「戻る」', () => {
    const booking = transition(waiting, { type: 'bookHereChosen' });
    assert.deepEqual(booking, { name: 'bookHere', departmentId: DEPARTMENT });
    assert.deepEqual(transition(booking, { type: 'back' }), { name: 'start' });
    assert.deepEqual(transition(booking, { type: 'timeout' }), { name: 'idle' });
    const booked = transition(booking, { type: 'bookedHere', booking: BOOKING });
    assert.deepEqual(booked, { name: 'booked', booking: BOOKING });
    assert.deepEqual(transition(booked, { type: 'back' }), { name: 'idle' });
    assert.deepEqual(transition(booked, { type: 'timeout' }), { name: 'idle' }, 'nobody there: the code leaves the screen');
  });

  it('the booking screens warn and reset when nobody touches them, unlike waiting', () => {
    assert.equal(IDLE_WARNING_STATES.has('bookHere'), true);
    assert.equal(IDLE_WARNING_STATES.has('booked'), true);
  });
});
