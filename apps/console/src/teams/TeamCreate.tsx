import { Create, maxLength, required, SimpleForm, TextInput } from 'react-admin';

/** A new team (createTeam); add its members from each user's page. */
export const TeamCreate = () => (
  <Create title="Create a team" redirect="list">
    <SimpleForm>
      <TextInput
        source="name"
        label="Name"
        helperText="e.g. Repairs complaints; add members from each user's page"
        validate={[required(), maxLength(200)]}
      />
    </SimpleForm>
  </Create>
);

export default TeamCreate;
