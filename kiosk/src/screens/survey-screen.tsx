import type { EndReason } from '@madoguchi/contract/consultation';
import { BigButton } from '../components/big-button';
import { ScreenFrame } from '../components/screen-frame';
import { RATINGS, SurveyFace } from '../components/survey-face';
import { useMessages } from '../visit/use-messages';

export interface SurveyScreenProps {
  reason: EndReason;
  /** 1 (bad) to 5 (good), or null for 「とばす」. */
  onAnswer: (rating: number | null) => void;
}

/** Five faces and a skip: one touch, no reading needed. Skips itself after 30 s. */
export function SurveyScreen({ reason, onAnswer }: SurveyScreenProps) {
  const { survey, ended } = useMessages();
  const note = ended.reason(reason);
  return (
    <ScreenFrame name="survey">
      <h1 className="screen__title">{survey.title}</h1>
      {note ? <p className="screen__hint">{note}</p> : null}
      <p className="screen__lead survey__question">{survey.question}</p>
      <div className="survey__faces" role="group" aria-label={survey.question}>
        {RATINGS.map((rating) => (
          <button key={rating} type="button" className="survey__face" onClick={() => onAnswer(rating)}>
            <SurveyFace rating={rating} />
            <span className="survey__label">{survey.ratings[rating - 1]}</span>
          </button>
        ))}
      </div>
      <BigButton variant="quiet" onClick={() => onAnswer(null)}>
        {survey.skip}
      </BigButton>
    </ScreenFrame>
  );
}
