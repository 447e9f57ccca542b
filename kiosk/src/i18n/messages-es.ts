import type { EndReason } from '@contract/consultation';
import { clockFor } from './kiosk-messages';
import type { KioskMessages } from './kiosk-messages';
import { kioskEn } from './messages-en';

// Latin American Spanish. Drafted without a native reviewer: have it checked before go-live.
const END_REASON_NOTE: Partial<Record<EndReason, string>> = {
  network_lost: 'La llamada terminó porque se perdió la conexión.',
  server_restart: 'La llamada terminó por un problema del sistema.',
  transferred: 'Le hemos pasado a otra ventanilla.',
};

export const kioskEs: KioskMessages = {
  appTitle: 'Madoguchi – Consulta por video',
  starting: 'Preparando. Espere un momento, por favor.',
  languageGroup: 'Idioma / Language',
  idle: {
    lead: 'Hable con un empleado de la municipalidad por videollamada.',
    begin: 'Empezar',
    notReady: 'Conectando. Espere un momento, por favor.',
  },
  start: {
    title: 'Elija una opción',
    booked: 'Tengo cita',
    bookedHint: 'Si tiene número de recepción o código QR',
    walkIn: 'Sin cita',
    walkInHint: 'Le atenderá un empleado disponible',
  },
  checkIn: {
    title: 'Ingrese su número de recepción',
    lead: 'El número de 6 dígitos que recibió al hacer la cita.',
    submit: 'Confirmar',
    submitting: 'Comprobando…',
    notFound: 'No encontramos este número. Por favor, revíselo e inténtelo de nuevo.',
    tooEarly: 'Todavía es temprano para registrarse. Inténtelo de nuevo cerca de la hora de su cita.',
    tooLate: 'La hora de su cita ya pasó. Elija “Sin cita”.',
    rateLimited: 'Espere un poco e inténtelo de nuevo.',
    offline: 'No se pudo conectar. Inténtelo de nuevo.',
    useQr: 'Leer código QR',
    useKeypad: 'Escribir el número',
    qrLead: 'Muestre a la cámara el código QR de su comprobante.',
    qrCameraError: 'La cámara no está disponible. Escriba el número.',
  },
  keypad: { backspace: 'Borrar', clear: 'Borrar todo', codeLabel: 'Número ingresado' },
  walkIn: { title: '¿Sobre qué quiere consultar?', lead: 'Elija la opción más cercana.', unsure: 'No sé / Otro' },
  // Only an installer sees this screen.
  pairing: kioskEn.pairing,
  back: 'Volver',
  waiting: {
    title: 'Llamando a un empleado',
    resident: (name) => `${name}, le llamaremos por orden.`,
    lead: 'Espere aquí, por favor. La pantalla cambiará cuando un empleado conteste.',
    position: (position) => `Su lugar en la fila: ${position}`,
    cancel: 'Cancelar',
    reconnecting: 'Comprobando la conexión. Conserva su lugar en la fila.',
  },
  inCall: {
    staffName: (name) => `Le atiende: ${name}`,
    staffVideo: 'Video del empleado',
    selfView: 'Su video',
    hangUp: 'Terminar llamada',
    connecting: 'Conectando…',
    waitingForVideo: 'Esperando el video…',
    unstable: 'La conexión es inestable…',
    reconnecting: 'Reconectando…',
    inCall: 'En llamada',
    noLocalMedia: 'La cámara o el micrófono no funcionan. Es posible que el empleado no pueda verle ni oírle.',
  },
  survey: {
    title: 'Gracias por usar este servicio',
    question: '¿Qué le pareció la consulta de hoy?',
    ratings: ['Muy mala', 'Mala', 'Regular', 'Buena', 'Muy buena'],
    skip: 'Omitir',
  },
  ended: {
    title: 'Gracias por usar este servicio',
    reason: (reason) => END_REASON_NOTE[reason] ?? null,
    returning: 'Volverá a la pantalla inicial en breve.',
  },
  fault: {
    offline: 'No disponible en este momento. Reconectando automáticamente.',
    callFailed: 'No se pudo llamar a un empleado. Inténtelo de nuevo.',
    noAnswer: 'En este momento ningún empleado puede contestar. Inténtelo más tarde.',
    unexpected: 'Ocurrió un problema.',
    contact: 'Comuníquese con el administrador.',
    returning: 'Volverá a la pantalla inicial en breve.',
  },
  clock: clockFor('es-419'),
};
