// The one Tracer (AWS X-Ray through Lambda Powertools), for the Lambda entries only: it bundles
// aws-xray-sdk-core (~100 KB), so nothing shared imports it. Made at import, it also traces every
// outgoing HTTPS request (the OpenSearch calls). Outside Lambda it is off by itself (Powertools
// checks AWS_EXECUTION_ENV; POWERTOOLS_TRACE_ENABLED=false turns it off in Lambda too), and then
// captureAWSv3Client hands the client back untouched.
import { Tracer } from '@aws-lambda-powertools/tracer';
import { SERVICE_NAME } from './telemetry-names.ts';

export const tracer = new Tracer({ serviceName: process.env.POWERTOOLS_SERVICE_NAME || SERVICE_NAME });
