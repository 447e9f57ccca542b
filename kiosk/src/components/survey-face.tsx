/** Rating 1 (very bad) to 5 (very good). */
export type Rating = 1 | 2 | 3 | 4 | 5;

export const RATINGS: readonly Rating[] = [1, 2, 3, 4, 5];

// The mouth carries the meaning; colour only helps, for eyes that cannot tell red from green.
const MOUTHS: Record<Rating, string> = {
  1: 'M20 47q12-14 24 0',
  2: 'M21 45q11-7 22 0',
  3: 'M21 42h22',
  4: 'M21 39q11 9 22 0',
  5: 'M19 37q13 17 26 0',
};

const FILLS: Record<Rating, string> = {
  1: '#f6c3c3',
  2: '#f9dcc0',
  3: '#f2ecc2',
  4: '#d3ecc6',
  5: '#bfe5c8',
};

export function SurveyFace({ rating }: { rating: Rating }) {
  return (
    <svg className="survey-face" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <circle cx="32" cy="32" r="28" fill={FILLS[rating]} stroke="#111" strokeWidth="3" />
      <circle cx="23" cy="26" r="3.5" fill="#111" />
      <circle cx="41" cy="26" r="3.5" fill="#111" />
      <path d={MOUTHS[rating]} fill="none" stroke="#111" strokeWidth="3.5" strokeLinecap="round" />
    </svg>
  );
}
