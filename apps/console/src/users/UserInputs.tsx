import {
  ReferenceArrayInput,
  required,
  SelectArrayInput,
  SelectInput,
  TextInput,
  maxLength,
} from 'react-admin';
import { ROLE_CHOICES } from './user.choices';

const roleChoices = ROLE_CHOICES.map((choice) => ({
  id: choice.id,
  name: `${choice.name}: ${choice.help}`,
}));

/** The inputs Create and Edit share: name, role and teams. */
export const UserInputs = () => (
  <>
    <TextInput source="name" label="Name" validate={[required(), maxLength(200)]} />
    <SelectInput source="role" label="Role" choices={roleChoices} validate={required()} />
    <ReferenceArrayInput source="teamIds" reference="teams" perPage={200}>
      <SelectArrayInput label="Teams" optionText="name" />
    </ReferenceArrayInput>
  </>
);
