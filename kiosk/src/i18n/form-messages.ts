import type { Language } from '@madoguchi/contract/languages';

/** The form at the kiosk (書かない窓口), in every kiosk language; the form's own labels come from its template. */
export interface KioskFormMessages {
  lead: string;
  page: (page: number, pages: number) => string;
  wrong: string;
  next: string;
  previous: string;
  toSign: string;
  refuse: string;
  refuseQuestion: string;
  refuseYes: string;
  refuseNo: string;
  correctionSent: string;
  signTitle: string;
  signBox: string;
  clear: string;
  submit: string;
  back: string;
  submitting: string;
  signed: string;
  print: string;
  close: string;
  refused: string;
  stale: string;
  failed: string;
  yes: string;
  empty: string;
}

const ja: KioskFormMessages = {
  lead: '職員が入力した内容です。違う所があれば「ここが違います」を押してください。',
  page: (p, n) => `${p} / ${n} ページ`,
  wrong: 'ここが違います',
  next: '次へ',
  previous: '前へ',
  toSign: '署名へ進む',
  refuse: '申請しない',
  refuseQuestion: '申請をやめますか？',
  refuseYes: '申請しない',
  refuseNo: '内容に戻る',
  correctionSent: '職員に伝えました。直るまでお待ちください。',
  signTitle: '下の枠の中に、指で署名してください',
  signBox: '署名欄',
  clear: '書き直す',
  submit: 'この内容で申請する',
  back: '内容に戻る',
  submitting: '送っています…',
  signed: '申請を受け付けました。',
  print: '控えを印刷する',
  close: '閉じる',
  refused: '申請しないことを職員に伝えました。',
  stale: '内容が変わりました。新しい内容をもう一度確かめてください。',
  failed: '送れませんでした。職員にお声がけください。',
  yes: 'はい',
  empty: '（なし）',
};

const jaEasy: KioskFormMessages = {
  ...ja,
  lead: 'しょくいんが かいた ないようです。ちがう ところが あれば「ここが ちがいます」を おしてください。',
  wrong: 'ここが ちがいます',
  next: 'つぎへ',
  previous: 'まえへ',
  toSign: 'なまえを かく',
  refuse: 'しんせいしない',
  refuseQuestion: 'しんせいを やめますか？',
  refuseYes: 'しんせいしない',
  refuseNo: 'もどる',
  correctionSent: 'しょくいんに つたえました。なおるまで まってください。',
  signTitle: 'したの わくの なかに、ゆびで なまえを かいてください',
  signBox: 'なまえを かく ところ',
  clear: 'かきなおす',
  submit: 'この ないようで しんせいする',
  back: 'もどる',
  submitting: 'おくっています…',
  signed: 'しんせいを うけつけました。',
  print: 'ひかえを いんさつする',
  close: 'とじる',
  refused: 'しんせいしないことを しょくいんに つたえました。',
  stale: 'ないようが かわりました。もういちど みてください。',
  failed: 'おくれませんでした。しょくいんに はなしてください。',
};

const en: KioskFormMessages = {
  lead: 'The staff member filled in this form. If something is wrong, press “This is wrong”.',
  page: (p, n) => `Page ${p} of ${n}`,
  wrong: 'This is wrong',
  next: 'Next',
  previous: 'Back',
  toSign: 'Go to signature',
  refuse: 'Do not apply',
  refuseQuestion: 'Stop this application?',
  refuseYes: 'Do not apply',
  refuseNo: 'Back to the form',
  correctionSent: 'The staff member has been told. Please wait for the correction.',
  signTitle: 'Sign with your finger in the box below',
  signBox: 'Signature box',
  clear: 'Clear',
  submit: 'Apply with this content',
  back: 'Back to the form',
  submitting: 'Sending…',
  signed: 'Your application has been received.',
  print: 'Print a copy',
  close: 'Close',
  refused: 'The staff member has been told that you will not apply.',
  stale: 'The form has changed. Please check the new content again.',
  failed: 'It could not be sent. Please tell the staff member.',
  yes: 'Yes',
  empty: '(none)',
};

const zh: KioskFormMessages = {
  lead: '这是工作人员填写的内容。如有错误，请按“这里不对”。',
  page: (p, n) => `第 ${p} / ${n} 页`,
  wrong: '这里不对',
  next: '下一页',
  previous: '上一页',
  toSign: '去签名',
  refuse: '不申请',
  refuseQuestion: '要放弃申请吗？',
  refuseYes: '不申请',
  refuseNo: '返回内容',
  correctionSent: '已告知工作人员。请等待修改。',
  signTitle: '请用手指在下面的框内签名',
  signBox: '签名栏',
  clear: '重写',
  submit: '按此内容申请',
  back: '返回内容',
  submitting: '正在发送…',
  signed: '已受理您的申请。',
  print: '打印副本',
  close: '关闭',
  refused: '已告知工作人员您不申请。',
  stale: '内容已更改。请再次确认新的内容。',
  failed: '发送失败。请告诉工作人员。',
  yes: '是',
  empty: '（无）',
};

const ko: KioskFormMessages = {
  lead: '직원이 입력한 내용입니다. 틀린 곳이 있으면 「여기가 틀립니다」를 누르세요.',
  page: (p, n) => `${p} / ${n} 페이지`,
  wrong: '여기가 틀립니다',
  next: '다음',
  previous: '이전',
  toSign: '서명하기',
  refuse: '신청하지 않음',
  refuseQuestion: '신청을 그만두시겠습니까?',
  refuseYes: '신청하지 않음',
  refuseNo: '내용으로 돌아가기',
  correctionSent: '직원에게 전했습니다. 수정될 때까지 기다려 주세요.',
  signTitle: '아래 칸 안에 손가락으로 서명해 주세요',
  signBox: '서명란',
  clear: '다시 쓰기',
  submit: '이 내용으로 신청',
  back: '내용으로 돌아가기',
  submitting: '보내는 중…',
  signed: '신청이 접수되었습니다.',
  print: '사본 인쇄',
  close: '닫기',
  refused: '신청하지 않는다고 직원에게 전했습니다.',
  stale: '내용이 바뀌었습니다. 새 내용을 다시 확인해 주세요.',
  failed: '보내지 못했습니다. 직원에게 말씀해 주세요.',
  yes: '예',
  empty: '(없음)',
};

const vi: KioskFormMessages = {
  lead: 'Đây là nội dung nhân viên đã điền. Nếu có chỗ sai, hãy nhấn “Chỗ này sai”.',
  page: (p, n) => `Trang ${p} / ${n}`,
  wrong: 'Chỗ này sai',
  next: 'Tiếp',
  previous: 'Trước',
  toSign: 'Đến phần ký tên',
  refuse: 'Không nộp đơn',
  refuseQuestion: 'Bạn muốn dừng nộp đơn?',
  refuseYes: 'Không nộp đơn',
  refuseNo: 'Quay lại nội dung',
  correctionSent: 'Đã báo cho nhân viên. Vui lòng chờ sửa.',
  signTitle: 'Hãy ký bằng ngón tay vào khung bên dưới',
  signBox: 'Khung ký tên',
  clear: 'Ký lại',
  submit: 'Nộp đơn với nội dung này',
  back: 'Quay lại nội dung',
  submitting: 'Đang gửi…',
  signed: 'Đơn của bạn đã được tiếp nhận.',
  print: 'In bản sao',
  close: 'Đóng',
  refused: 'Đã báo cho nhân viên rằng bạn không nộp đơn.',
  stale: 'Nội dung đã thay đổi. Vui lòng kiểm tra lại.',
  failed: 'Không gửi được. Vui lòng báo nhân viên.',
  yes: 'Có',
  empty: '(không có)',
};

const pt: KioskFormMessages = {
  lead: 'Este é o conteúdo preenchido pelo funcionário. Se algo estiver errado, toque em “Isto está errado”.',
  page: (p, n) => `Página ${p} de ${n}`,
  wrong: 'Isto está errado',
  next: 'Próxima',
  previous: 'Anterior',
  toSign: 'Ir para a assinatura',
  refuse: 'Não solicitar',
  refuseQuestion: 'Desistir desta solicitação?',
  refuseYes: 'Não solicitar',
  refuseNo: 'Voltar ao formulário',
  correctionSent: 'O funcionário foi avisado. Aguarde a correção.',
  signTitle: 'Assine com o dedo no quadro abaixo',
  signBox: 'Quadro de assinatura',
  clear: 'Apagar',
  submit: 'Solicitar com este conteúdo',
  back: 'Voltar ao formulário',
  submitting: 'Enviando…',
  signed: 'Sua solicitação foi recebida.',
  print: 'Imprimir uma cópia',
  close: 'Fechar',
  refused: 'O funcionário foi avisado de que você não vai solicitar.',
  stale: 'O formulário mudou. Confira o novo conteúdo.',
  failed: 'Não foi possível enviar. Avise o funcionário.',
  yes: 'Sim',
  empty: '(nada)',
};

const es: KioskFormMessages = {
  lead: 'Este es el contenido que escribió el funcionario. Si algo está mal, toque «Esto está mal».',
  page: (p, n) => `Página ${p} de ${n}`,
  wrong: 'Esto está mal',
  next: 'Siguiente',
  previous: 'Anterior',
  toSign: 'Ir a la firma',
  refuse: 'No solicitar',
  refuseQuestion: '¿Dejar esta solicitud?',
  refuseYes: 'No solicitar',
  refuseNo: 'Volver al formulario',
  correctionSent: 'Se ha avisado al funcionario. Espere la corrección.',
  signTitle: 'Firme con el dedo en el recuadro de abajo',
  signBox: 'Recuadro de firma',
  clear: 'Borrar',
  submit: 'Solicitar con este contenido',
  back: 'Volver al formulario',
  submitting: 'Enviando…',
  signed: 'Su solicitud ha sido recibida.',
  print: 'Imprimir una copia',
  close: 'Cerrar',
  refused: 'Se ha avisado al funcionario de que no solicitará.',
  stale: 'El formulario ha cambiado. Revise el nuevo contenido.',
  failed: 'No se pudo enviar. Avise al funcionario.',
  yes: 'Sí',
  empty: '(nada)',
};

export const KIOSK_FORM_MESSAGES: Record<Language, KioskFormMessages> = { ja, 'ja-easy': jaEasy, en, zh, ko, vi, pt, es };
