import { createCipheriv, createDecipheriv, createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';

/**
 * Field-level encryption for PII: AES-256-GCM with a random 96-bit nonce, stored as
 * `<keyId>:<base64(nonce | ciphertext | tag)>`. The key id prefix lets keys rotate: new data is
 * written with the first key, old data stays readable with the others. The associated data binds
 * a ciphertext to its merchant, row and column, so a value copied into another row or tenant
 * fails to decrypt instead of leaking.
 */
export class FieldCipher {
  // KeyObjects, made once: handing createDecipheriv a raw Buffer re-imports the key on every call.
  private readonly keys = new Map<string, KeyObject>();
  private readonly activeKeyId: string;

  constructor(keySpec: string) {
    const entries = keySpec.split(',').map((s) => s.trim()).filter(Boolean);
    for (const entry of entries) {
      const sep = entry.indexOf(':');
      const id = entry.slice(0, sep);
      const key = Buffer.from(entry.slice(sep + 1), 'base64');
      if (sep <= 0 || key.length !== 32) throw new Error(`ENCRYPTION_KEYS entry "${id || entry}" must be id:<32 bytes base64>`);
      this.keys.set(id, createSecretKey(key));
    }
    if (entries.length === 0) throw new Error('ENCRYPTION_KEYS is empty');
    this.activeKeyId = entries[0].slice(0, entries[0].indexOf(':'));
  }

  encrypt(plaintext: string, aad: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.activeKeyId)!, nonce);
    cipher.setAAD(Buffer.from(aad));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${this.activeKeyId}:${Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64')}`;
  }

  decrypt(stored: string, aad: string): string {
    const sep = stored.indexOf(':');
    const key = this.keys.get(stored.slice(0, sep));
    if (!key) throw new Error(`no encryption key "${stored.slice(0, sep)}" configured`);
    const raw = Buffer.from(stored.slice(sep + 1), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
  }
}

/** Associated data for a PII column: merchant, table, row and column. */
export function fieldAad(merchantId: string, table: string, rowId: string, column: string): string {
  return `${merchantId}/${table}/${rowId}/${column}`;
}

/**
 * HMAC-SHA256 blind index for exact-match lookups of an encrypted value. Scoped by merchant, so
 * equal emails at two merchants do not share an index value.
 */
export function blindIndex(key: string, merchantId: string, value: string): string {
  return createHmac('sha256', key).update(`${merchantId}\u0000${value}`).digest('hex');
}
