#!/usr/bin/python3
"""Madoguchi caption recogniser protocol over Debian's PocketSphinx (English only).

Protocol (docs/captions.md): 16 kHz mono signed 16-bit little-endian PCM on stdin; one JSON
object per line on stdout: {"type": "ready"} once the model is loaded, then
{"type": "partial", "text": ...} while an utterance is being spoken and
{"type": "final", "text": ...} when it ends. Diagnostics go to stderr. Exits when stdin closes.

Uses /usr/bin/python3 on purpose: python3-pocketsphinx is installed for Debian's interpreter.
"""
import json
import os
import sys

from pocketsphinx import Decoder

MODEL = os.environ.get('POCKETSPHINX_MODEL_DIR', '/usr/share/pocketsphinx/model/en-us')
# 50 ms of audio per read: partial text is refreshed at most this often.
CHUNK_BYTES = 16000 * 2 // 20
# Partials are sent only when their text changed, at most every PARTIAL_EVERY chunks (100 ms).
PARTIAL_EVERY = 2


def emit(kind, text=None):
    message = {'type': kind} if text is None else {'type': kind, 'text': text}
    sys.stdout.write(json.dumps(message, ensure_ascii=False) + '\n')
    sys.stdout.flush()


def main():
    config = Decoder.default_config()
    config.set_string('-hmm', os.path.join(MODEL, 'en-us'))
    config.set_string('-lm', os.path.join(MODEL, 'en-us.lm.bin'))
    config.set_string('-dict', os.path.join(MODEL, 'cmudict-en-us.dict'))
    config.set_string('-logfn', '/dev/null')
    decoder = Decoder(config)
    emit('ready')
    stdin = sys.stdin.buffer
    decoder.start_utt()
    in_speech = False
    chunks = 0
    last_partial = ''
    while True:
        data = stdin.read(CHUNK_BYTES)
        if not data:
            break
        decoder.process_raw(data, False, False)
        speaking = decoder.get_in_speech()
        if speaking and not in_speech:
            in_speech = True
            chunks = 0
            last_partial = ''
        if in_speech and speaking:
            chunks += 1
            if chunks % PARTIAL_EVERY == 0:
                hyp = decoder.hyp()
                text = hyp.hypstr.strip() if hyp else ''
                if text and text != last_partial:
                    last_partial = text
                    emit('partial', text)
        if in_speech and not speaking:
            # The voice-activity detector says the utterance ended (about 0.5 s of silence).
            decoder.end_utt()
            hyp = decoder.hyp()
            text = hyp.hypstr.strip() if hyp else ''
            if text:
                emit('final', text)
            decoder.start_utt()
            in_speech = False
    decoder.end_utt()
    hyp = decoder.hyp()
    if in_speech and hyp and hyp.hypstr.strip():
        emit('final', hyp.hypstr.strip())


if __name__ == '__main__':
    try:
        main()
    except (BrokenPipeError, KeyboardInterrupt):
        pass
