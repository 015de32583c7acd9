import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { UserType } from '../users/user.type.js';

@ObjectType('SignInPayload', {
  description:
    'A signed-in session. The access token goes in `Authorization: Bearer …`; the refresh token is set as an HttpOnly cookie and is never readable by page scripts.',
})
export class SignInPayloadType {
  @Field({ description: 'Short-lived: refresh it with refreshSession before expiresAt.' })
  accessToken: string;

  @Field(() => DateTimeScalar)
  expiresAt: string;

  @Field(() => DateTimeScalar, {
    description: 'When the session ends however often it is refreshed: sign in again then.',
  })
  sessionExpiresAt: string;

  @Field(() => UserType)
  user: UserType;
}
