import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import {
  CheckboxGroupInput,
  DateTimeInput,
  HttpError,
  maxLength,
  minLength,
  required,
  SaveButton,
  SimpleForm,
  TextInput,
  Title,
  Toolbar,
  useRedirect,
} from 'react-admin';
import type { ErrorBody } from '../shared/errors';
import { graphqlRequest } from '../shared/graphql-client';
import { ApiKeySecretDialog } from './ApiKeySecretDialog';
import { API_KEY_SCOPE_CHOICES } from './api-key.choices';

const CREATE = `mutation ($name: String!, $scopes: [ApiKeyScope!]!, $expiresAt: DateTime) {
  createApiKey(name: $name, scopes: $scopes, expiresAt: $expiresAt) {
    secret
    apiKey { id name }
  }
}`;

interface Created {
  readonly createApiKey: { readonly secret: string; readonly apiKey: { readonly name: string } };
}

// Only saving: a key not yet made has nothing to delete.
const CreateToolbar = () => (
  <Toolbar>
    <SaveButton label="Create the key" alwaysEnable />
  </Toolbar>
);

/**
 * A new key for a partner. The API answers its secret once, so it is shown in a dialog that
 * stays until the person says it is stored; the list never shows it.
 */
export const ApiKeyCreate = () => {
  const redirect = useRedirect();
  const [failure, setFailure] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);

  const submit = async (values: Record<string, unknown>) => {
    setFailure(null);
    try {
      const data = await graphqlRequest<Created>(CREATE, {
        name: values.name,
        scopes: values.scopes,
        expiresAt: values.expiresAt || null,
      });
      setCreated({ name: data.createApiKey.apiKey.name, secret: data.createApiKey.secret });
      return undefined;
    } catch (error) {
      // A field's message goes beside its input; anything else above the form.
      const fields =
        error instanceof HttpError ? (error.body as ErrorBody | undefined)?.errors : undefined;
      if (fields && Object.keys(fields).length > 0) return fields;
      setFailure(error instanceof Error ? error.message : 'The key was not created.');
      return undefined;
    }
  };

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="Create an API key" />
      <CardContent>
        <Typography variant="h5" component="h1">
          Create an API key
        </Typography>
        <Typography variant="body2">
          A key lets a partner&apos;s system call the API with only what you tick here. Its secret
          is shown once, when it is created.
        </Typography>
        {failure && (
          <Alert severity="error" role="alert" sx={{ mt: 2 }}>
            {failure}
          </Alert>
        )}
      </CardContent>
      <SimpleForm
        onSubmit={submit}
        defaultValues={{ scopes: ['COMPLAINTS_READ'] }}
        toolbar={<CreateToolbar />}
      >
        <TextInput
          source="name"
          label="Name"
          helperText="Whose key it is, e.g. Housing portal"
          validate={[required(), minLength(1), maxLength(200)]}
        />
        <CheckboxGroupInput
          source="scopes"
          label="It may"
          choices={API_KEY_SCOPE_CHOICES}
          row={false}
          validate={required('Choose at least one thing the key may do')}
        />
        <DateTimeInput
          source="expiresAt"
          label="Expires"
          helperText="Leave empty for a key that works until revoked"
        />
      </SimpleForm>
      {created && (
        <ApiKeySecretDialog
          name={created.name}
          secret={created.secret}
          onClose={() => redirect('list', 'apiKeys')}
        />
      )}
    </Card>
  );
};

export default ApiKeyCreate;
