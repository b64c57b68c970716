// /api/supporter: independent client supporters keep their clients' dossiers here (health data:
// special-category personal data). Every route acts for one support organisation, named in the
// path, and first checks that the caller is its supporter (or, for the audit trail, its admin),
// read from the store on this request; dossiers live in their own table (functions/store/dossier-store.ts).
import { createResourceApp } from '../../app-factory.ts';
import { dutchValidationHook } from '../../errors.ts';
import type { StaffEnv } from '../context.ts';
import { answersApp } from './answers.ts';
import { consentsApp } from './consents.ts';
import { dossiersApp } from './dossiers.ts';
import { sharesApp } from './shares.ts';
import { supporterHandoverCodesApp } from './handover-codes.ts';
import { dossierRightsApp } from './dossier-rights.ts';

export const supporterApp = createResourceApp<StaffEnv>(dutchValidationHook)
  .route('/', dossiersApp)
  .route('/', answersApp)
  .route('/', consentsApp)
  .route('/', sharesApp)
  .route('/', supporterHandoverCodesApp)
  .route('/', dossierRightsApp);
