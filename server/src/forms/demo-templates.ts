import type { FormTemplateInput } from '@madoguchi/contract/forms';
import type { DepartmentRepository } from '../db/repositories/department-repository';
import type { FormRepository } from '../db/repositories/form-repository';

type DemoTemplate = Omit<FormTemplateInput, 'departmentId'> & { departmentCode: string | null };

const NAME = { ja: '氏名', 'ja-easy': 'なまえ', en: 'Full name', zh: '姓名', ko: '성명', vi: 'Họ và tên', pt: 'Nome completo', es: 'Nombre completo' };
const KANA = { ja: 'フリガナ', 'ja-easy': 'なまえの よみかた', en: 'Name in katakana', zh: '姓名读音（片假名）', ko: '이름 읽는 법(가타카나)', vi: 'Tên bằng katakana', pt: 'Nome em katakana', es: 'Nombre en katakana' };
const BIRTH = { ja: '生年月日', 'ja-easy': 'うまれた ひ', en: 'Date of birth', zh: '出生日期', ko: '생년월일', vi: 'Ngày sinh', pt: 'Data de nascimento', es: 'Fecha de nacimiento' };
const ADDRESS = { ja: '住所', 'ja-easy': 'すんでいる ところ', en: 'Address', zh: '住址', ko: '주소', vi: 'Địa chỉ', pt: 'Endereço', es: 'Dirección' };
const PHONE = { ja: '電話番号', 'ja-easy': 'でんわばんごう', en: 'Phone number', zh: '电话号码', ko: '전화번호', vi: 'Số điện thoại', pt: 'Telefone', es: 'Teléfono' };

/** Three forms towns really use at a 書かない窓口, for the demo and as starting points. */
export const DEMO_FORM_TEMPLATES: DemoTemplate[] = [
  {
    departmentCode: 'kosodate',
    title: { ja: '児童手当 認定請求書', 'ja-easy': 'じどう てあての しんせい', en: 'Child allowance: application for certification', zh: '儿童津贴 认定申请书', ko: '아동수당 인정 청구서', vi: 'Đơn xin xác nhận trợ cấp nuôi con', pt: 'Pedido de abono para crianças', es: 'Solicitud de subsidio por hijos' },
    note: '児童手当法第7条の規定により、児童手当の受給資格及び児童手当の額について認定を請求します。',
    fields: [
      { key: 'applicantName', type: 'text', label: NAME, required: true, prefill: 'residentName' },
      { key: 'applicantKana', type: 'kana', label: KANA, required: true, prefill: 'residentKana' },
      { key: 'birthDate', type: 'date', label: BIRTH, required: true, calendar: 'wareki' },
      { key: 'address', type: 'address', label: ADDRESS, required: true },
      { key: 'phone', type: 'phone', label: PHONE, required: true },
      { key: 'childName', type: 'text', label: { ja: '児童の氏名', 'ja-easy': 'こどもの なまえ', en: "Child's full name", zh: '儿童姓名', ko: '아동 성명', vi: 'Họ tên của trẻ', pt: 'Nome da criança', es: 'Nombre del niño' }, required: true },
      { key: 'childBirthDate', type: 'date', label: { ja: '児童の生年月日', 'ja-easy': 'こどもが うまれた ひ', en: "Child's date of birth", zh: '儿童出生日期', ko: '아동 생년월일', vi: 'Ngày sinh của trẻ', pt: 'Data de nascimento da criança', es: 'Fecha de nacimiento del niño' }, required: true, calendar: 'wareki' },
      { key: 'relationship', type: 'choice', label: { ja: '児童との続柄', 'ja-easy': 'こどもとの かんけい', en: 'Relationship to the child', zh: '与儿童的关系', ko: '아동과의 관계', vi: 'Quan hệ với trẻ', pt: 'Relação com a criança', es: 'Relación con el niño' }, required: true, options: [
        { value: 'father', label: { ja: '父', 'ja-easy': 'ちち', en: 'Father', zh: '父亲', ko: '부', vi: 'Cha', pt: 'Pai', es: 'Padre' } },
        { value: 'mother', label: { ja: '母', 'ja-easy': 'はは', en: 'Mother', zh: '母亲', ko: '모', vi: 'Mẹ', pt: 'Mãe', es: 'Madre' } },
        { value: 'other', label: { ja: 'その他', 'ja-easy': 'そのほか', en: 'Other', zh: '其他', ko: '기타', vi: 'Khác', pt: 'Outro', es: 'Otro' } },
      ] },
      { key: 'childrenCount', type: 'number', label: { ja: '養育している児童の数', 'ja-easy': 'そだてている こどもの かず', en: 'Number of children you raise', zh: '抚养儿童人数', ko: '양육 아동 수', vi: 'Số trẻ đang nuôi', pt: 'Número de crianças a cargo', es: 'Número de hijos a cargo' }, required: true },
      { key: 'bankAccount', type: 'text', label: { ja: '振込先口座（金融機関・支店・口座番号）', 'ja-easy': 'おかねを ふりこむ ぎんこう', en: 'Bank account for payment', zh: '汇款账户', ko: '입금 계좌', vi: 'Tài khoản nhận tiền', pt: 'Conta bancária', es: 'Cuenta bancaria' }, required: true },
      { key: 'notPublicServant', type: 'checkbox', label: { ja: '公務員ではありません', 'ja-easy': 'こうむいんでは ありません', en: 'I am not a public servant', zh: '本人不是公务员', ko: '공무원이 아닙니다', vi: 'Tôi không phải công chức', pt: 'Não sou funcionário público', es: 'No soy funcionario público' }, required: true },
    ],
  },
  {
    departmentCode: 'shimin',
    title: { ja: '住民票の写し等交付請求書', 'ja-easy': 'じゅうみんひょうを もらう しんせい', en: 'Request for a copy of the residence record', zh: '住民票副本等交付申请书', ko: '주민표 사본 등 교부 청구서', vi: 'Đơn xin cấp bản sao phiếu cư trú', pt: 'Pedido de cópia do registro de residência', es: 'Solicitud de copia del registro de residencia' },
    note: '本人又は同一世帯の方からの請求です。',
    fields: [
      { key: 'applicantName', type: 'text', label: NAME, required: true, prefill: 'residentName' },
      { key: 'applicantKana', type: 'kana', label: KANA, required: false, prefill: 'residentKana' },
      { key: 'birthDate', type: 'date', label: BIRTH, required: true, calendar: 'wareki' },
      { key: 'address', type: 'address', label: ADDRESS, required: true },
      { key: 'phone', type: 'phone', label: PHONE, required: false },
      { key: 'scope', type: 'choice', label: { ja: '必要な範囲', 'ja-easy': 'だれの ぶんが ひつようですか', en: 'Whose record', zh: '所需范围', ko: '필요한 범위', vi: 'Phạm vi cần', pt: 'Abrangência', es: 'Alcance' }, required: true, options: [
        { value: 'self', label: { ja: '本人のみ', 'ja-easy': 'じぶんだけ', en: 'Only me', zh: '仅本人', ko: '본인만', vi: 'Chỉ bản thân', pt: 'Só eu', es: 'Solo yo' } },
        { value: 'household', label: { ja: '世帯全員', 'ja-easy': 'かぞく ぜんいん', en: 'Whole household', zh: '全体家庭成员', ko: '세대 전원', vi: 'Cả hộ gia đình', pt: 'Toda a família', es: 'Todo el hogar' } },
      ] },
      { key: 'copies', type: 'number', label: { ja: '通数', 'ja-easy': 'なんまい', en: 'Number of copies', zh: '份数', ko: '통수', vi: 'Số bản', pt: 'Número de cópias', es: 'Número de copias' }, required: true },
      { key: 'includeDomicile', type: 'checkbox', label: { ja: '本籍・筆頭者を記載する', 'ja-easy': 'ほんせきを のせる', en: 'Show the registered domicile', zh: '记载本籍与户主', ko: '본적·필두자 기재', vi: 'Ghi nguyên quán', pt: 'Incluir domicílio de registro', es: 'Incluir domicilio registrado' }, required: false },
      { key: 'purpose', type: 'text', label: { ja: '使用目的', 'ja-easy': 'なにに つかいますか', en: 'Purpose', zh: '用途', ko: '사용 목적', vi: 'Mục đích sử dụng', pt: 'Finalidade', es: 'Finalidad' }, required: true },
    ],
  },
  {
    departmentCode: null,
    title: { ja: '相談記録への同意書', 'ja-easy': 'そうだんの きろくに ついての どうい', en: 'Consent to the consultation record', zh: '咨询记录同意书', ko: '상담 기록 동의서', vi: 'Giấy đồng ý ghi chép tư vấn', pt: 'Consentimento para o registro da consulta', es: 'Consentimiento para el registro de la consulta' },
    note: '相談の内容を記録し、関係する課で共有することに同意します。記録は市の規程に従い保存し、目的外には使用しません。',
    fields: [
      { key: 'applicantName', type: 'text', label: NAME, required: true, prefill: 'residentName' },
      { key: 'language', type: 'text', label: { ja: '相談に使った言語', 'ja-easy': 'つかった ことば', en: 'Language used', zh: '使用的语言', ko: '사용한 언어', vi: 'Ngôn ngữ sử dụng', pt: 'Idioma usado', es: 'Idioma utilizado' }, required: false, prefill: 'language' },
      { key: 'consultedOn', type: 'date', label: { ja: '相談日', 'ja-easy': 'そうだんした ひ', en: 'Date of consultation', zh: '咨询日期', ko: '상담일', vi: 'Ngày tư vấn', pt: 'Data da consulta', es: 'Fecha de la consulta' }, required: true, calendar: 'wareki' },
      { key: 'shareWithDepartments', type: 'checkbox', label: { ja: '関係する課と共有することに同意します', 'ja-easy': 'ほかの かと きょうゆうして いいです', en: 'I agree to share it with the departments concerned', zh: '同意与相关科室共享', ko: '관계 부서와 공유하는 데 동의합니다', vi: 'Tôi đồng ý chia sẻ với các phòng liên quan', pt: 'Concordo em compartilhar com os departamentos', es: 'Acepto compartirlo con los departamentos' }, required: true },
    ],
  },
];

/** Seeds the demo templates once, on an installation that has none (DEMO_SEED). */
export async function seedDemoFormTemplates(forms: FormRepository, departments: DepartmentRepository): Promise<number> {
  if ((await forms.countTemplates()) > 0) return 0;
  for (const { departmentCode, ...template } of DEMO_FORM_TEMPLATES) {
    const department = departmentCode ? await departments.findByCode(departmentCode) : null;
    await forms.saveTemplate({ ...template, departmentId: department?.id ?? null }, null);
  }
  return DEMO_FORM_TEMPLATES.length;
}
