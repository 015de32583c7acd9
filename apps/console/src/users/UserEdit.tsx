import { Edit, SimpleForm, TextField, Labeled, TopToolbar, ListButton } from 'react-admin';
import { UserActiveButton } from './UserActiveButton';
import { UserInputs } from './UserInputs';

const Actions = () => (
  <TopToolbar>
    <ListButton label="All users" />
    <UserActiveButton />
  </TopToolbar>
);

/** Changes a user's name, role or teams (updateUser); deactivates or reactivates them. */
export const UserEdit = () => (
  <Edit title="Change a user" actions={<Actions />} mutationMode="pessimistic">
    <SimpleForm>
      <Labeled label="Email">
        <TextField source="email" />
      </Labeled>
      <UserInputs />
    </SimpleForm>
  </Edit>
);

export default UserEdit;
