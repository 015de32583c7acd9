import { useEffect, useState, type FormEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Divider,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useLogin, useNotify } from 'react-admin';
import { oidcAvailable, startOidc } from './session';

function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'Signing in failed: try again.';
}

/** The sign-in page: email and password, and the organisation's identity provider when offered. */
export const LoginPage = () => {
  const login = useLogin();
  const notify = useNotify();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [withOrganisation, setWithOrganisation] = useState(false);

  useEffect(() => {
    let current = true;
    void oidcAvailable().then((available) => {
      if (current) setWithOrganisation(available);
    });
    return () => {
      current = false;
    };
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await login({ email, password });
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  const signInWithOrganisation = async () => {
    setBusy(true);
    try {
      await startOidc();
    } catch (failure) {
      notify(messageOf(failure), { type: 'error' });
      setBusy(false);
    }
  };

  return (
    <Box
      component="main"
      sx={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        bgcolor: 'background.default',
        p: 2,
      }}
    >
      <Card sx={{ width: '100%', maxWidth: 420 }}>
        <CardContent>
          <Typography component="h1" variant="h5" gutterBottom>
            Sign in to Redress
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            Complaints, compliments and suggestions for your organisation.
          </Typography>
          <form onSubmit={submit} noValidate aria-describedby={error ? 'sign-in-error' : undefined}>
            <Stack spacing={2}>
              {error && (
                <Alert severity="error" id="sign-in-error" role="alert">
                  {error}
                </Alert>
              )}
              <TextField
                label="Email address"
                name="email"
                type="email"
                autoComplete="username"
                value={email}
                onChange={(event) => setEmail(event.target.value)}
                required
                autoFocus
                fullWidth
              />
              <TextField
                label="Password"
                name="password"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                required
                fullWidth
              />
              <Button type="submit" variant="contained" size="large" disabled={busy}>
                {busy ? 'Signing in…' : 'Sign in'}
              </Button>
            </Stack>
          </form>
          {withOrganisation && (
            <>
              <Divider sx={{ my: 2 }}>or</Divider>
              <Button
                variant="outlined"
                fullWidth
                size="large"
                disabled={busy}
                onClick={signInWithOrganisation}
              >
                Sign in with your organisation
              </Button>
            </>
          )}
        </CardContent>
      </Card>
    </Box>
  );
};

export default LoginPage;
