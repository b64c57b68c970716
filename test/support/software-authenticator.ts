// A passkey authenticator in software, for tests: an ES256 key made with node:crypto, the
// attestation ("none") and assertions built byte by byte as the WebAuthn spec lays them out, so the
// server verifies them exactly as a browser's. A test can change what a real authenticator would
// not: the origin it reports, user verification, the counter, the challenge it signs.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();

const FLAG_USER_PRESENT = 0x01;
const FLAG_USER_VERIFIED = 0x04;
const FLAG_ATTESTED_DATA = 0x40;

export interface Ceremony {
  /** What the page's origin is, as the browser writes it into clientDataJSON. */
  origin: string;
  /** The rpID the options named. */
  rpID: string;
  challenge: string;
  /** False for an authenticator that only checked presence (a touch, no fingerprint or PIN). */
  userVerified?: boolean;
}

export class SoftwareAuthenticator {
  readonly credentialId = randomBytes(32);
  private readonly privateKey: KeyObject;
  private readonly coseKey: Uint8Array;
  /** The signature counter; each assertion adds one first, unless a test sets it. */
  counter = 0;
  /** The user handle the passkey keeps (the account id the registration options named). */
  userHandle: string | undefined;

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.privateKey = privateKey;
    const jwk = publicKey.export({ format: 'jwk' });
    // COSE_Key: kty EC2 (2), alg ES256 (-7), crv P-256 (1), x, y.
    this.coseKey = isoCBOR.encode(new Map<number, number | Uint8Array>([
      [1, 2], [3, -7], [-1, 1],
      [-2, Buffer.from(jwk.x as string, 'base64url')],
      [-3, Buffer.from(jwk.y as string, 'base64url')],
    ]));
  }

  get id(): string {
    return b64url(this.credentialId);
  }

  private clientData(type: 'webauthn.create' | 'webauthn.get', c: Ceremony): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge: c.challenge, origin: c.origin, crossOrigin: false }));
  }

  private authData(c: Ceremony, flags: number, extra: Uint8Array = new Uint8Array()): Buffer {
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(this.counter);
    const verified = c.userVerified === false ? 0 : FLAG_USER_VERIFIED;
    return Buffer.concat([sha256(c.rpID), Buffer.from([flags | FLAG_USER_PRESENT | verified]), counter, extra]);
  }

  /** The answer `startRegistration` would give to registration options. */
  register(c: Ceremony) {
    const length = Buffer.alloc(2);
    length.writeUInt16BE(this.credentialId.length);
    const attested = Buffer.concat([Buffer.alloc(16), length, this.credentialId, this.coseKey]);
    const authData = this.authData(c, FLAG_ATTESTED_DATA, attested);
    const attestationObject = isoCBOR.encode(new Map<string, unknown>([['fmt', 'none'], ['attStmt', new Map()], ['authData', authData]]) as never);
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key' as const,
      clientExtensionResults: {},
      authenticatorAttachment: 'platform' as const,
      response: { clientDataJSON: b64url(this.clientData('webauthn.create', c)), attestationObject: b64url(attestationObject), transports: ['internal' as const] },
    };
  }

  /** The answer `startAuthentication` would give; the counter goes up by one first unless `keepCounter`. */
  assert(c: Ceremony, options: { keepCounter?: boolean } = {}) {
    if (!options.keepCounter) this.counter += 1;
    const clientDataJSON = this.clientData('webauthn.get', c);
    const authenticatorData = this.authData(c, 0);
    const signature = sign('sha256', Buffer.concat([authenticatorData, sha256(clientDataJSON)]), this.privateKey);
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key' as const,
      clientExtensionResults: {},
      authenticatorAttachment: 'platform' as const,
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authenticatorData),
        signature: b64url(signature),
        ...(this.userHandle ? { userHandle: this.userHandle } : {}),
      },
    };
  }
}
