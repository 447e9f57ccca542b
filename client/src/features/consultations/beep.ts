let context: AudioContext | null = null;

/**
 * Two short tones made with WebAudio (no sound file to ship). The context is created once;
 * Chromium lets it play after the member's first click on the page (the login).
 */
export function playArrivalBeep(): void {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume();
    const start = context.currentTime + 0.02;
    for (const [offset, frequency] of [[0, 880], [0.22, 1175]] as const) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.3, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.18);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.2);
    }
  } catch {
    // No audio output: the title and the list still show the arrival.
  }
}
