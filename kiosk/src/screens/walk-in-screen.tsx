import type { Department } from '@madoguchi/contract/departments';
import type { Language } from '@madoguchi/contract/languages';
import { BackButton } from '../components/back-button';
import { ChoiceButton } from '../components/choice-button';
import { ScreenFrame } from '../components/screen-frame';
import { departmentLabel } from '../visit/department-label';
import { useMessages } from '../visit/use-messages';

export interface WalkInScreenProps {
  departments: readonly Department[];
  language: Language;
  /** No department: the general counter. */
  onChoose: (departmentId?: string) => void;
  onBack: () => void;
}

/** One button per department (pictogram and name) and one for residents who are not sure. */
export function WalkInScreen({ departments, language, onChoose, onBack }: WalkInScreenProps) {
  const messages = useMessages();
  return (
    <ScreenFrame name="walk-in">
      <h1 className="screen__title">{messages.walkIn.title}</h1>
      <p className="screen__lead">{messages.walkIn.lead}</p>
      <div className="walk-in__grid">
        {departments.map((department) => (
          <ChoiceButton
            key={department.id}
            icon={department.icon}
            label={departmentLabel(department, language)}
            onClick={() => onChoose(department.id)}
          />
        ))}
        <ChoiceButton icon="general" label={messages.walkIn.unsure} onClick={() => onChoose()} />
      </div>
      <BackButton label={messages.back} onClick={onBack} />
    </ScreenFrame>
  );
}
