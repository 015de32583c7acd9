import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';

@ObjectType('OidcSignInStart', {
  description:
    'A sign-in through your identity provider, begun: send the browser to `url`. The provider sends it back to the console with `code` and `state`, which go to completeOidcSignIn from the same browser.',
})
export class OidcSignInStartType {
  @Field({ description: "The identity provider's authorisation URL." })
  url: string;

  @Field(() => DateTimeScalar, { description: 'When this sign-in can no longer be completed.' })
  expiresAt: string;
}
