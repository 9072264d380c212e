import type { Role } from '@yuqing/schemas';

/**
 * Citizens' phone and ID numbers. Only the mailbox handlers (editors, who call the citizen back)
 * see them; leaders, analysts and admins see them masked: they read letters and statistics but
 * never contact the writer.
 */
export const ROLES_SEEING_PERSONAL_DATA: readonly Role[] = ['editor'];

export function canSeePersonalData(roles: readonly Role[]): boolean {
  return roles.some((r) => ROLES_SEEING_PERSONAL_DATA.includes(r));
}

// 18-digit ID (last may be X) and old 15-digit ones; mobile numbers 1[3-9]x…; landlines 0xx(x)-xxxxxxx(x).
const ID_NUMBER = /(?<![0-9A-Za-z])([1-9]\d{5})(\d{8}|\d{6})(\d{3}[0-9Xx]|\d)(?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)(\+?86[- ]?)?(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?!\d)/g;
const LANDLINE = /(?<!\d)(0\d{2,3})[- ]?(\d{3,4})(\d{4})(?!\d)/g;

/** Masks ID numbers (keeps the first 6 and last 4), mobile (keeps 3 + 4) and landline numbers. */
export function maskPersonalData(text: string): string {
  return text
    .replace(ID_NUMBER, (m, head: string, _mid: string, tail: string) =>
      m.length === 18 || m.length === 15
        ? `${head}${'*'.repeat(m.length - head.length - 4)}${m.slice(-4)}`
        : `${head}${'*'.repeat(m.length - head.length - tail.length)}${tail}`,
    )
    .replace(
      MOBILE,
      (_m, cc: string | undefined, a: string, _b: string, c: string) => `${cc ?? ''}${a}****${c}`,
    )
    .replace(
      LANDLINE,
      (_m, area: string, mid: string, end: string) => `${area}-${'*'.repeat(mid.length)}${end}`,
    );
}

/** A masked number field: empty stays empty, anything else keeps only its last 4 characters. */
export function maskField(value: string): string {
  if (!value) return value;
  return value.length <= 4 ? '*'.repeat(value.length) : `${'*'.repeat(value.length - 4)}${value.slice(-4)}`;
}

interface PersonalFields {
  title: string;
  content: string;
  phone: string;
  idNumber: string;
  reply: string;
}

/** The letter as `roles` may see it. */
export function maskLetterFor<T extends PersonalFields>(letter: T, roles: readonly Role[]): T {
  if (canSeePersonalData(roles)) return letter;
  return {
    ...letter,
    title: maskPersonalData(letter.title),
    content: maskPersonalData(letter.content),
    reply: maskPersonalData(letter.reply),
    phone: maskField(letter.phone),
    idNumber: maskField(letter.idNumber),
  };
}
