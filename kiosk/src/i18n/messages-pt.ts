import type { EndReason } from '@contract/consultation';
import { clockFor } from './kiosk-messages';
import type { KioskMessages } from './kiosk-messages';
import { kioskEn } from './messages-en';

// Brazilian Portuguese. Drafted without a native reviewer: have it checked before go-live.
const END_REASON_NOTE: Partial<Record<EndReason, string>> = {
  network_lost: 'A chamada terminou porque a conexão caiu.',
  server_restart: 'A chamada terminou por um problema no sistema.',
  transferred: 'Você foi transferido para outro guichê.',
};

export const kioskPt: KioskMessages = {
  appTitle: 'Madoguchi – Atendimento por vídeo',
  starting: 'Preparando. Aguarde um momento, por favor.',
  languageGroup: 'Idioma / Language',
  idle: {
    lead: 'Converse com um funcionário da prefeitura por videochamada.',
    begin: 'Começar',
    notReady: 'Conectando. Aguarde um momento, por favor.',
  },
  start: {
    title: 'Escolha uma opção',
    booked: 'Tenho agendamento',
    bookedHint: 'Para quem tem número de atendimento ou código QR',
    walkIn: 'Sem agendamento',
    walkInHint: 'Um funcionário disponível vai atender você',
  },
  checkIn: {
    title: 'Digite seu número de atendimento',
    lead: 'O número de 6 dígitos que você recebeu ao agendar.',
    submit: 'Confirmar',
    submitting: 'Verificando…',
    notFound: 'Não encontramos este número. Verifique e tente novamente.',
    tooEarly: 'Ainda é cedo para o check-in. Tente novamente mais perto do horário agendado.',
    tooLate: 'O horário do seu agendamento já passou. Escolha “Sem agendamento”.',
    rateLimited: 'Aguarde um pouco e tente novamente.',
    offline: 'Não foi possível conectar. Tente novamente.',
    useQr: 'Ler código QR',
    useKeypad: 'Digitar o número',
    qrLead: 'Mostre para a câmera o código QR do seu comprovante.',
    qrCameraError: 'A câmera não está disponível. Digite o número.',
  },
  keypad: { backspace: 'Apagar', clear: 'Limpar', codeLabel: 'Número digitado' },
  walkIn: { title: 'Sobre o que você quer conversar?', lead: 'Escolha a opção mais próxima.', unsure: 'Não sei / Outro' },
  // Only an installer sees this screen.
  pairing: kioskEn.pairing,
  back: 'Voltar',
  waiting: {
    title: 'Chamando um funcionário',
    resident: (name) => `${name}, vamos chamar você na sua vez.`,
    lead: 'Aguarde aqui. A tela vai mudar quando um funcionário atender.',
    position: (position) => `Sua posição na fila: ${position}`,
    cancel: 'Cancelar',
    reconnecting: 'Verificando a conexão. Você continua na mesma posição.',
  },
  inCall: {
    staffName: (name) => `Atendente: ${name}`,
    staffVideo: 'Vídeo do funcionário',
    selfView: 'Seu vídeo',
    hangUp: 'Encerrar chamada',
    connecting: 'Conectando…',
    waitingForVideo: 'Aguardando o vídeo…',
    unstable: 'A conexão está instável…',
    reconnecting: 'Reconectando…',
    inCall: 'Em chamada',
    noLocalMedia: 'A câmera ou o microfone não está funcionando. O funcionário pode não ver ou ouvir você.',
  },
  survey: {
    title: 'Obrigado por usar o serviço',
    question: 'Como foi o atendimento de hoje?',
    ratings: ['Muito ruim', 'Ruim', 'Regular', 'Bom', 'Muito bom'],
    skip: 'Pular',
  },
  ended: {
    title: 'Obrigado por usar o serviço',
    reason: (reason) => END_REASON_NOTE[reason] ?? null,
    returning: 'Voltando à tela inicial em instantes.',
  },
  fault: {
    offline: 'Indisponível no momento. Reconectando automaticamente.',
    callFailed: 'Não foi possível chamar um funcionário. Tente novamente.',
    noAnswer: 'No momento nenhum funcionário pode atender. Tente novamente mais tarde.',
    unexpected: 'Ocorreu um problema.',
    contact: 'Entre em contato com o administrador.',
    returning: 'Voltando à tela inicial em instantes.',
  },
  clock: clockFor('pt-BR'),
};
