import { randomUUID } from 'node:crypto';
import {
  exportJWK,
  generateKeyPair,
  importJWK,
  importPKCS8,
  jwtVerify,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTHeaderParameters,
} from 'jose';
import type { SigningKeyRepository } from './signing-key.repository.js';

const ALGORITHM = 'EdDSA';
const ISSUER = 'redress';
const AUDIENCE = 'redress-api';

/** How long an access token is good for: short, since it is checked without a round trip. */
export const ACCESS_TOKEN_SECONDS = 15 * 60;

export interface AccessClaims {
  /** The user. */
  readonly userId: string;
  /** The session (refresh-token family) it was issued for. */
  readonly sessionId: string;
}

interface Keys {
  readonly signing: { readonly kid: string; readonly key: CryptoKey };
  readonly verifying: ReadonlyMap<string, CryptoKey>;
}

/**
 * Signs and verifies access tokens: EdDSA (Ed25519) JWTs through jose, with the key id in the
 * header. The key comes from REDRESS_SIGNING_KEY (a PKCS#8 PEM) when the operator sets one, or
 * is generated on first start and kept in the database, so restarts and every instance share
 * it. Only EdDSA is accepted: `alg: none`, HS256 signed with the public key and the like are
 * refused by jose before any claim is read.
 */
export class AccessTokens {
  private keys: Promise<Keys> | undefined;

  constructor(
    private readonly store: SigningKeyRepository,
    private readonly configuredPem?: string,
  ) {}

  async issue(claims: AccessClaims, now: Date): Promise<{ token: string; expiresAt: Date }> {
    const { signing } = await this.load();
    const issuedAt = Math.floor(now.getTime() / 1000);
    const expiresAt = new Date((issuedAt + ACCESS_TOKEN_SECONDS) * 1000);
    const token = await new SignJWT({ sid: claims.sessionId })
      .setProtectedHeader({ alg: ALGORITHM, kid: signing.kid, typ: 'at+jwt' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .setJti(randomUUID())
      .sign(signing.key);
    return { token, expiresAt };
  }

  /** The claims of a token this API issued and that has not expired; null for anything else. */
  async verify(token: string, now: Date): Promise<AccessClaims | null> {
    const { verifying } = await this.load();
    try {
      const { payload } = await jwtVerify(
        token,
        (header: JWTHeaderParameters) => {
          const key = header.kid ? verifying.get(header.kid) : undefined;
          if (!key) throw new Error('unknown key');
          return key;
        },
        {
          algorithms: [ALGORITHM],
          issuer: ISSUER,
          audience: AUDIENCE,
          typ: 'at+jwt',
          currentDate: now,
          requiredClaims: ['sub', 'exp', 'iat'],
        },
      );
      const sessionId = payload.sid;
      if (typeof payload.sub !== 'string' || typeof sessionId !== 'string') return null;
      return { userId: payload.sub, sessionId };
    } catch {
      return null;
    }
  }

  private load(): Promise<Keys> {
    this.keys ??= this.loadKeys().catch((error: unknown) => {
      this.keys = undefined;
      throw error;
    });
    return this.keys;
  }

  private async loadKeys(): Promise<Keys> {
    let stored = await this.store.findAll();
    if (stored.length === 0 && !this.configuredPem) {
      const { privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
      const jwk = await exportJWK(privateKey);
      // Two instances starting at once may both generate one: both are kept, the newest signs.
      await this.store.insert({ kid: randomUUID(), algorithm: ALGORITHM, privateJwk: { ...jwk } });
      stored = await this.store.findAll();
    }
    const pairs = await Promise.all(stored.map((row) => pairOf(row.kid, row.privateJwk as JWK)));
    if (this.configuredPem) {
      const key = await importPKCS8(this.configuredPem, ALGORITHM, { extractable: true });
      const jwk = await exportJWK(key);
      pairs.push(await pairOf(`configured-${(jwk.x ?? '').slice(0, 16)}`, jwk));
    }
    const newest = pairs[pairs.length - 1];
    if (!newest) throw new Error('No signing key could be stored.');
    return {
      signing: { kid: newest.kid, key: newest.privateKey },
      verifying: new Map(pairs.map((pair) => [pair.kid, pair.publicKey])),
    };
  }
}

/** A stored private JWK as the key that signs and the public key that verifies. */
async function pairOf(
  kid: string,
  jwk: JWK,
): Promise<{ kid: string; privateKey: CryptoKey; publicKey: CryptoKey }> {
  const { d: _private, ...publicJwk } = jwk;
  return {
    kid,
    privateKey: (await importJWK(jwk, ALGORITHM)) as CryptoKey,
    publicKey: (await importJWK(publicJwk, ALGORITHM)) as CryptoKey,
  };
}
