// What a function that mails people a link to the site may do, in one place for the staff
// function and the reminders: send as the stage's SES identity (and, in the SES sandbox, to its
// verified recipients), and read the SSM parameter with the site's origins the links start with.
import { type Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { type StageConfig } from '../config.ts';
import { siteOriginsParameterName } from '../naming.ts';

/** MAIL_FROM of a function that mails: the product's name and the stage's sender address. */
export function mailFrom(fromAddress: string): string {
  return `Woonwijzer <${fromAddress}>`;
}

/** ses:SendEmail as the stage's domain identity; in the SES sandbox SES also checks each (verified) recipient's identity. */
export function sendMailStatement(stack: Stack, config: StageConfig): PolicyStatement {
  const identities = [config.emailDomain, ...config.sesSandboxRecipients];
  return new PolicyStatement({
    actions: ['ses:SendEmail'],
    resources: identities.map((identity) => stack.formatArn({ service: 'ses', resource: 'identity', resourceName: identity })),
  });
}

/** ssm:GetParameter on the site's origins parameter only. */
export function readSiteOriginsStatement(stack: Stack, config: StageConfig): PolicyStatement {
  return new PolicyStatement({
    actions: ['ssm:GetParameter'],
    // The name starts with "/", which the ARN's "parameter" already ends on.
    resources: [stack.formatArn({ service: 'ssm', resource: 'parameter', resourceName: siteOriginsParameterName(config.stage).slice(1) })],
  });
}
