import { domainToASCII } from 'node:url';

/**
 * Email addresses as the referral domain needs them: a practical check of what a friend typed, and
 * a normalized form under which two spellings that reach the same mailbox compare equal, so an
 * advocate cannot refer themselves as `a.dvocate+1@gmail.com`.
 *
 * The normalized form is for comparison only (self-referral, the blind index): mail still goes to
 * the address as given.
 */

export type EmailProblemReason = 'EMPTY' | 'TOO_LONG' | 'MISSING_AT' | 'BAD_LOCAL_PART' | 'BAD_DOMAIN';

/** Why an input is not an email address, naming the input field it came from. */
export interface EmailProblem {
  ok: false;
  field: string;
  reason: EmailProblemReason;
  message: string;
}

/** An address that passed: `address` keeps the local part as typed, with its domain in lower-case ASCII. */
export type EmailCheck = { ok: true; address: string } | EmailProblem;

/** Thrown by `canonicalEmail` for an input that `isEmail` would refuse: callers check input first. */
export class InvalidEmailError extends Error {
  constructor(readonly problem: EmailProblem) {
    super(problem.message);
    this.name = 'InvalidEmailError';
  }
}

/** RFC 5321: a path is at most 256 octets with its angle brackets, a local part at most 64. */
const MAX_ADDRESS_LENGTH = 254;
const MAX_LOCAL_LENGTH = 64;
const MAX_LABEL_LENGTH = 63;

/**
 * A dot-atom local part (RFC 5322 atext between single dots), and, for internationalized addresses
 * (RFC 6531), letters, marks and digits of any script. Quoted local parts (`"a b"@x.com`) are
 * refused: legal, but no shop customer has one and they only serve to smuggle spaces and `@`.
 */
const LOCAL_PART = /^[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/**
 * Checks that `input` is an address mail can be sent to, in practice: one `@`, a dot-atom local
 * part, and a domain of at least two labels whose last is not numeric (no IP literals). Domains
 * in any script are accepted and carried as punycode (`bücher.de` → `xn--bcher-kva.de`).
 * Surrounding whitespace is trimmed; `field` names the input in the problem.
 */
export function isEmail(input: string, field = 'email'): EmailCheck {
  const problem = (reason: EmailProblemReason, message: string): EmailProblem => ({ ok: false, field, reason, message });
  const trimmed = input.trim();
  if (trimmed.length === 0) return problem('EMPTY', `${field} is empty: an email address is required`);
  if (trimmed.length > MAX_ADDRESS_LENGTH) return problem('TOO_LONG', `${field} is too long: an email address has at most ${MAX_ADDRESS_LENGTH} characters`);
  const at = trimmed.lastIndexOf('@');
  if (at < 0) return problem('MISSING_AT', `${field} is not an email address: it has no @`);
  const local = trimmed.slice(0, at);
  const domain = trimmed.slice(at + 1);
  if (local.length === 0) return problem('BAD_LOCAL_PART', `${field} is not an email address: nothing before the @`);
  if (local.length > MAX_LOCAL_LENGTH) return problem('TOO_LONG', `${field} is too long: the part before the @ has at most ${MAX_LOCAL_LENGTH} characters`);
  if (!LOCAL_PART.test(local)) {
    return problem('BAD_LOCAL_PART', `${field} is not an email address: the part before the @ has a character an address cannot have, or a dot at its start, end or twice in a row`);
  }
  const ascii = asciiDomain(domain);
  if (ascii === null) return problem('BAD_DOMAIN', `${field} is not an email address: ${domain.length === 0 ? 'nothing after the @' : 'the part after the @ is not a domain name'}`);
  return { ok: true, address: `${local}@${ascii}` };
}

/** The domain in lower-case ASCII (IDNA, UTS #46), or null if it is not a host name with a top-level domain. */
function asciiDomain(domain: string): string | null {
  if (domain.length === 0 || /[\s\p{Cc}]/u.test(domain)) return null;
  const ascii = domainToASCII(domain);
  if (ascii.length === 0 || ascii.length > 253) return null;
  const labels = ascii.split('.');
  if (labels.length < 2) return null;
  if (!labels.every((label) => label.length <= MAX_LABEL_LENGTH && LABEL.test(label))) return null;
  if (/^[0-9]+$/.test(labels[labels.length - 1])) return null;
  return ascii;
}

/** How a mailbox provider reads the local part: which characters it ignores, and its one canonical domain. */
interface ProviderRule {
  domain: string;
  ignoresDots: boolean;
}

const gmail: ProviderRule = { domain: 'gmail.com', ignoresDots: true };
const icloud: ProviderRule = { domain: 'icloud.com', ignoresDots: false };
const proton: ProviderRule = { domain: 'proton.me', ignoresDots: false };
const plusOnly = (domain: string): ProviderRule => ({ domain, ignoresDots: false });

/**
 * Providers whose mailboxes ignore a `+tag` (everything from the first `+` to the `@`). Sources,
 * read when this was written; a provider changing its rules changes this table, not the callers:
 * - Gmail ignores dots and `+tags`, and googlemail.com is the same mailbox as gmail.com (Google's
 *   Gmail Help, "Dots don't matter in Gmail addresses"). Google Workspace domains are custom
 *   domains and fall under "everyone else" below.
 * - Outlook.com, Hotmail, Live and MSN deliver `name+tag@` to `name@` (Outlook.com since 2013,
 *   instantfundas.com/2013/09/outlookcom-now-supports-email-aliases.html; Microsoft's mail service
 *   documents it in learn.microsoft.com/exchange/recipients-in-exchange-online/plus-addressing-in-exchange-online).
 *   Dots are part of the name there, and hotmail.com and outlook.com are separate namespaces (two
 *   people can own `name@` at each), so those domains are not merged.
 * - iCloud Mail delivers `name+tag@` to `name@` (subaddressing, RFC 5233; receive-only). Apple
 *   Support states that an account with an @me.com or @mac.com address also has the @icloud.com
 *   address of the same name, so all three read as icloud.com.
 * - Fastmail delivers `name+tag@` (Fastmail Help, "Plus addressing and subdomain addressing"). Its
 *   subdomain form (`tag@name.fastmail.com`) is not folded: that needs every Fastmail domain.
 * - Proton delivers `name+tag@` ("+aliases", proton.me/support/addresses-and-aliases), and a name's
 *   addresses at proton.me, protonmail.com, protonmail.ch and pm.me are one account's, so they read
 *   as proton.me. Proton is reported to ignore dots, hyphens and underscores too
 *   (sindastra.de/p/1775/protonmail-dots-hyphens-and-underscores) but does not document it, so
 *   they are kept: a wrong merge would block an honest friend, a missed one only flags less.
 * Yahoo's disposable addresses (`base-keyword@yahoo.com`) are not tags of the account's address:
 * the base is a second name the user picks, so stripping `-keyword` would not lead back to the
 * advocate. Yahoo addresses are kept as they are, like every other domain's.
 */
const PROVIDERS: ReadonlyMap<string, ProviderRule> = new Map([
  ['gmail.com', gmail],
  ['googlemail.com', gmail],
  ...['outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'hotmail.co.uk', 'hotmail.fr', 'live.co.uk', 'live.fr'].map((d) => [d, plusOnly(d)] as const),
  ['icloud.com', icloud],
  ['me.com', icloud],
  ['mac.com', icloud],
  ...['fastmail.com', 'fastmail.fm'].map((d) => [d, plusOnly(d)] as const),
  ['proton.me', proton],
  ['protonmail.com', proton],
  ['protonmail.ch', proton],
  ['pm.me', proton],
]);

/**
 * The form under which two addresses of one mailbox compare equal: lower case throughout (no
 * provider a shopper uses tells `Ann@` from `ann@`), the domain in ASCII, and for the providers
 * above their `+tag` (and Gmail's dots) removed and their domain aliases merged.
 * `A.B+x@gmail.com` and `ab@googlemail.com` give `ab@gmail.com`; `a.b@example.com` and
 * `ab@example.com` stay apart. Throws `InvalidEmailError` for input `isEmail` refuses.
 */
export function canonicalEmail(address: string): string {
  const checked = isEmail(address);
  if (!checked.ok) throw new InvalidEmailError(checked);
  const at = checked.address.lastIndexOf('@');
  let local = checked.address.slice(0, at).normalize('NFC').toLowerCase();
  const domain = checked.address.slice(at + 1);
  const provider = PROVIDERS.get(domain);
  if (!provider) return `${local}@${domain}`;
  const plus = local.indexOf('+');
  if (plus >= 0) local = local.slice(0, plus);
  if (provider.ignoresDots) local = local.replaceAll('.', '');
  // `+tag@gmail.com` or `...@gmail.com` leaves no mailbox name: keep what was given rather than
  // let every such address collapse into one empty name that would match another.
  if (local.length === 0) return `${checked.address.slice(0, at).normalize('NFC').toLowerCase()}@${domain}`;
  return `${local}@${provider.domain}`;
}
