import { lazy } from 'react';
import ThumbUpAltOutlined from '@mui/icons-material/ThumbUpAltOutlined';
import type { RaRecord } from 'react-admin';
import type { ResourceDefinition } from '../shared/resource';
import { Permitted } from '../users/Permitted';
import { FEEDBACK_KIND_CHOICES } from './feedback.choices';

const FeedbackList = lazy(() => import('./FeedbackList'));
const FeedbackShow = lazy(() => import('./FeedbackShow'));
const FeedbackCreatePage = lazy(() => import('./FeedbackCreate'));

const FeedbackCreate = () => (
  <Permitted permission="feedback:write" what="log feedback">
    <FeedbackCreatePage />
  </Permitted>
);

const feedbackItems: ResourceDefinition = {
  list: FeedbackList,
  show: FeedbackShow,
  create: FeedbackCreate,
  icon: ThumbUpAltOutlined,
  options: { label: 'Compliments and suggestions' },
  recordRepresentation: (record: RaRecord) =>
    FEEDBACK_KIND_CHOICES.find((choice) => choice.id === record.kind)?.name ?? 'Feedback',
};

export default feedbackItems;
