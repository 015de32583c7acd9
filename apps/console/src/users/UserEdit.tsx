import {
  Edit,
  FunctionField,
  Labeled,
  ListButton,
  SaveButton,
  SimpleForm,
  TextField,
  Toolbar,
  TopToolbar,
  type RaRecord,
} from 'react-admin';
import { UserActiveButton } from './UserActiveButton';
import { UserInputs } from './UserInputs';

const Actions = () => (
  <TopToolbar>
    <ListButton label="All users" />
    <UserActiveButton />
  </TopToolbar>
);

// No delete: a user who leaves is deactivated, so the history keeps who did what.
const EditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** Changes a user's name, role or teams (updateUser); deactivates or reactivates them. */
export const UserEdit = () => (
  <Edit title="Change a user" actions={<Actions />} mutationMode="pessimistic">
    <SimpleForm toolbar={<EditToolbar />}>
      <Labeled label="Email">
        <TextField source="email" />
      </Labeled>
      <Labeled label="Status">
        <FunctionField
          render={(record: RaRecord) => (record.active ? 'Active' : 'Deactivated: cannot sign in')}
        />
      </Labeled>
      <UserInputs />
    </SimpleForm>
  </Edit>
);

export default UserEdit;
