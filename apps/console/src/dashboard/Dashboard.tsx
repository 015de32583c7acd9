import {
  Box,
  Card,
  CardContent,
  CardHeader,
  List,
  ListItem,
  ListItemButton,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, Title, useGetIdentity } from 'react-admin';
import { Loading } from '../shared/Loading';
import { STATUS_CHOICES } from '../complaints/list/complaint-choices';
import { DeadlineChip } from '../shared/DeadlineChip';
import { categoryLabel, formatDateTime } from '../shared/format';
import { countText, inState, loadMyWork, type Count, type WorkRow } from './my-work.query';

const Due = ({ title, rows, empty }: { title: string; rows: WorkRow[]; empty: string }) => (
  <Card component="section" aria-label={title} sx={{ flex: 1, minWidth: 260 }}>
    <CardHeader
      title={title}
      titleTypographyProps={{ component: 'h2', variant: 'h6' }}
      subheader={`${rows.length}`}
    />
    <CardContent sx={{ pt: 0 }}>
      {rows.length === 0 ? (
        <Typography color="text.secondary">{empty}</Typography>
      ) : (
        <List dense disablePadding>
          {rows.slice(0, 8).map((row) => (
            <ListItem key={row.id} disablePadding>
              <ListItemButton
                component={Link}
                to={`/complaints/${row.id}/show`}
                sx={{ flexDirection: 'column', alignItems: 'flex-start', gap: 0.5 }}
              >
                <ListItemText
                  sx={{ my: 0 }}
                  primary={`${row.reference} · ${row.complainant?.name ?? 'Resident'}`}
                  secondary={`${row.stageLabel} · ${row.statusLabel} · ${categoryLabel(row.category)}`}
                />
                <DeadlineChip deadline={row.nextDeadline} />
              </ListItemButton>
            </ListItem>
          ))}
        </List>
      )}
    </CardContent>
  </Card>
);

const Figure = ({ label, count, to }: { label: string; count: Count | undefined; to: string }) => (
  <ListItem disablePadding>
    <ListItemButton component={Link} to={to} sx={{ justifyContent: 'space-between' }}>
      <ListItemText primary={label} />
      <Typography component="span" sx={{ fontWeight: 600 }}>
        {countText(count)}
      </Typography>
    </ListItemButton>
  </ListItem>
);

const listLink = (filter: Record<string, unknown>) =>
  `/complaints?filter=${encodeURIComponent(JSON.stringify(filter))}`;

/** My work: what is due today, soon and overdue, the counts, and what changed last; live. */
const Dashboard = () => {
  const { identity } = useGetIdentity();
  const me = identity ? String(identity.id) : undefined;
  // The key starts with "complaints": a complaint event elsewhere invalidates it (src/live).
  const { data, error, isPending } = useQuery({
    queryKey: ['complaints', 'myWork', me],
    queryFn: ({ signal }) => loadMyWork(me!, signal),
    enabled: me !== undefined,
  });

  return (
    <Box component="section" aria-labelledby="my-work-title" sx={{ mt: 2 }}>
      <Title title="My work" />
      <Typography id="my-work-title" component="h1" variant="h4" gutterBottom>
        My work
      </Typography>
      {isPending && <Loading what="Loading your work" />}
      {error && <Typography color="error">{error.message}</Typography>}
      {data && (
        <Stack spacing={2}>
          <Typography component="h2" variant="h5">
            Mine
          </Typography>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <Due
              title="Overdue"
              rows={inState(data.mine.nodes, 'OVERDUE')}
              empty="Nothing of yours is overdue."
            />
            <Due
              title="Due today"
              rows={inState(data.mine.nodes, 'DUE_TODAY')}
              empty="Nothing of yours is due today."
            />
            <Due
              title="Due soon"
              rows={inState(data.mine.nodes, 'DUE_SOON')}
              empty="Nothing of yours is due soon."
            />
          </Stack>
          <Typography component="h2" variant="h5">
            {identity?.role === 'HANDLER' ? 'My teams and the unassigned queue' : 'Everyone’s'}
          </Typography>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <Due
              title="Overdue"
              rows={inState(data.queue.nodes, 'OVERDUE')}
              empty="Nothing is overdue."
            />
            <Due
              title="Due today"
              rows={inState(data.queue.nodes, 'DUE_TODAY')}
              empty="Nothing is due today."
            />
            <Due
              title="Due soon"
              rows={inState(data.queue.nodes, 'DUE_SOON')}
              empty="Nothing is due soon."
            />
          </Stack>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <Card component="section" aria-label="Open cases by stage" sx={{ flex: 1 }}>
              <CardHeader
                title="Open cases by stage"
                titleTypographyProps={{ component: 'h2', variant: 'h6' }}
              />
              <List dense>
                <Figure label="Stage 1" count={data.stage1} to={listLink({ stage: 1 })} />
                <Figure label="Stage 2" count={data.stage2} to={listLink({ stage: 2 })} />
                <Figure label="Overdue" count={data.overdue} to={listLink({ overdue: true })} />
              </List>
            </Card>
            <Card component="section" aria-label="Cases by status" sx={{ flex: 1 }}>
              <CardHeader
                title="Cases by status"
                titleTypographyProps={{ component: 'h2', variant: 'h6' }}
              />
              <List dense>
                {STATUS_CHOICES.map((status) => (
                  <Figure
                    key={status.id}
                    label={status.name}
                    count={data[`status_${status.id}`]}
                    to={listLink({ status: status.id })}
                  />
                ))}
              </List>
            </Card>
            <Card component="section" aria-label="Latest changes" sx={{ flex: 1 }}>
              <CardHeader
                title="Latest changes"
                titleTypographyProps={{ component: 'h2', variant: 'h6' }}
              />
              <List dense>
                {data.latest.nodes.map((row) => (
                  <ListItem key={row.id} disablePadding>
                    <ListItemButton component={Link} to={`/complaints/${row.id}/show`}>
                      <ListItemText
                        primary={`${row.reference} · ${row.statusLabel}`}
                        secondary={`${row.complainant?.name ?? 'Resident'} · ${formatDateTime(row.updatedAt)}`}
                      />
                    </ListItemButton>
                  </ListItem>
                ))}
              </List>
            </Card>
          </Stack>
        </Stack>
      )}
    </Box>
  );
};

export default Dashboard;
