import {
  Create,
  email,
  maxLength,
  minLength,
  PasswordInput,
  required,
  SimpleForm,
  TextInput,
} from 'react-admin';
import { UserInputs } from './UserInputs';

/** Invites a member of staff: with a password set here, or none when they sign in through the organisation. */
export const UserCreate = () => (
  <Create title="Invite a user" redirect="list">
    <SimpleForm>
      <TextInput
        source="email"
        label="Email"
        type="email"
        validate={[required(), email(), maxLength(320)]}
      />
      <UserInputs />
      <PasswordInput
        source="password"
        label="First password"
        helperText="Leave empty when they sign in with the organisation's account; at least 12 characters otherwise"
        validate={minLength(12)}
        autoComplete="new-password"
      />
    </SimpleForm>
  </Create>
);

export default UserCreate;
