import type { ApiKeyScope } from '@redress/domain';
import { Field, ID, ObjectType } from 'type-graphql';
import { ApiKeyScopeEnum } from '../auth/access-enums.type.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';

@ObjectType('ApiKey', {
  description: "A partner application's key. Its secret is never shown again.",
})
export class ApiKeyType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: 'The public start of the key (rk_…), to recognise it by.' })
  prefix: string;

  @Field(() => [ApiKeyScopeEnum])
  scopes: readonly ApiKeyScope[];

  @Field(() => ID, { nullable: true, description: 'The admin who made it.' })
  createdById: string | null;

  @Field(() => DateTimeScalar)
  createdAt: string;

  @Field(() => DateTimeScalar, { nullable: true })
  lastUsedAt: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  expiresAt: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  revokedAt: string | null;
}

@ObjectType('CreatedApiKey')
export class CreatedApiKeyType {
  @Field(() => ApiKeyType)
  apiKey: ApiKeyType;

  @Field({
    description:
      'The key itself: shown this once and stored only as a hash. Give it to the partner now.',
  })
  secret: string;
}
