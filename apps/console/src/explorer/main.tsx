import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Explorer } from './Explorer';
import './explorer.css';

const root = document.getElementById('root');
if (!root) throw new Error('explorer.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <Explorer />
  </StrictMode>,
);
