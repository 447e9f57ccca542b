import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The desk's four standard phrases, in every kiosk language; admins add more in 設定. */
const STANDARD_PHRASES: Record<string, string>[] = [
  {
    ja: '少々お待ちください', 'ja-easy': 'すこし まって ください', en: 'Please wait a moment.', zh: '请稍等。', ko: '잠시만 기다려 주세요.',
    vi: 'Xin vui lòng đợi một chút.', pt: 'Aguarde um momento, por favor.', es: 'Espere un momento, por favor.',
  },
  {
    ja: '書類をカメラの下に置いてください', 'ja-easy': 'かみを カメラの したに おいて ください', en: 'Please place your document under the camera.',
    zh: '请把文件放在摄像头下面。', ko: '서류를 카메라 아래에 놓아 주세요.', vi: 'Xin vui lòng đặt giấy tờ dưới camera.',
    pt: 'Coloque o documento debaixo da câmera, por favor.', es: 'Coloque el documento debajo de la cámara, por favor.',
  },
  {
    ja: 'もう少し近づけてください', 'ja-easy': 'もうすこし ちかづけて ください', en: 'Please bring it a little closer.', zh: '请再靠近一点。',
    ko: '조금 더 가까이 대 주세요.', vi: 'Xin vui lòng đưa lại gần hơn một chút.', pt: 'Aproxime um pouco mais, por favor.', es: 'Acérquelo un poco más, por favor.',
  },
  {
    ja: 'ありがとうございました', 'ja-easy': 'ありがとう ございました', en: 'Thank you very much.', zh: '谢谢您。', ko: '감사합니다.',
    vi: 'Xin cảm ơn.', pt: 'Muito obrigado.', es: 'Muchas gracias.',
  },
];

export class QuickPhrasesSchema1765300000000 implements MigrationInterface {
  name = 'QuickPhrasesSchema1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE quick_phrase (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        position serial NOT NULL,
        texts jsonb NOT NULL CHECK (jsonb_typeof(texts) = 'object' AND length(texts ->> 'ja') > 0),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const texts of STANDARD_PHRASES) await q.query(`INSERT INTO quick_phrase (texts) VALUES ($1)`, [JSON.stringify(texts)]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE quick_phrase`);
  }
}
