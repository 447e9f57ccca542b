import type { Language } from '@madoguchi/contract/languages';
import type { ConnectionState } from '@madoguchi/call-core/call-types';
import { BigButton } from '../components/big-button';
import { Clock } from '../components/clock';
import { LanguagePicker } from '../components/language-picker';
import { ScreenFrame } from '../components/screen-frame';
import { useMessages } from '../visit/use-messages';

export interface IdleScreenProps {
  place: { name: string; location: string } | null;
  connection: ConnectionState;
  language: Language;
  onLanguage: (language: Language) => void;
  onBegin: () => void;
}

export function IdleScreen({ place, connection, language, onLanguage, onBegin }: IdleScreenProps) {
  const messages = useMessages();
  const ready = connection === 'connected';
  return (
    <ScreenFrame name="idle">
      <header className="idle__place">
        <p className="idle__location">{place?.location ?? ''}</p>
        <p className="idle__name">{place?.name ?? messages.appTitle}</p>
      </header>
      <Clock />
      <p className="idle__lead">{messages.idle.lead}</p>
      <BigButton size="huge" onClick={onBegin} disabled={!ready}>
        {messages.idle.begin}
      </BigButton>
      <p className="idle__status" role="status">
        {ready ? '' : messages.idle.notReady}
      </p>
      <LanguagePicker current={language} label={messages.languageGroup} onChoose={onLanguage} />
    </ScreenFrame>
  );
}
