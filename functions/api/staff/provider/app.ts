// /api/provider: a care provider's staff keep their organisation's listing here. Every route acts
// for one organisation and first checks that the caller is its provider admin or editor, read
// from the store on this request (providerCaller); every change names the version it started
// from and is written with its audit record (functions/store/provider-listing-store.ts).
import { createResourceApp } from '../../app-factory.ts';
import type { StaffEnv } from '../context.ts';
import { csvApp } from './csv.ts';
import { housingFormsApp } from './housing-forms.ts';
import { inboxApp } from './inbox.ts';
import { locationsApp } from './locations.ts';
import { organizationsApp } from './organizations.ts';
import { photosApp } from './photos.ts';
import { unknownInResultsApp } from './unknown-in-results.ts';
import { waitingListsApp } from './waiting-lists.ts';

export const providerApp = createResourceApp<StaffEnv>()
  .route('/', organizationsApp)
  .route('/', waitingListsApp)
  .route('/', housingFormsApp)
  .route('/', locationsApp)
  .route('/', photosApp)
  .route('/', csvApp)
  .route('/', unknownInResultsApp)
  .route('/', inboxApp);
