import { fieldAad } from '@loyalnest/kit';
import { randomBytes } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** What every code of ours starts with; codes are upper case throughout. */
export const CODE_PREFIX = 'LN-';

/** `LN-` and 10 base32 characters: 50 random bits, so no code can be guessed from another. */
export function newDiscountCode(): string {
  let code = CODE_PREFIX;
  for (const byte of randomBytes(10)) code += BASE32[byte & 31];
  return code;
}

/** Binds an encrypted code to its merchant and redemption: copied to another row, it fails to decrypt. */
export const codeAad = (merchantId: string, redemptionId: string) => fieldAad(merchantId, 'redemption', redemptionId, 'code');
