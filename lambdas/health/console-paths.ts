/** Where a cloud admin finds each resource in the AWS console (https://console.aws.amazon.com/events/home). */

const eventsConsole = (region: string) => `https://${region}.console.aws.amazon.com/events/home?region=${region}`;

export const consolePaths = {
  rule: (region: string, name: string) =>
    `EventBridge console → Rules → default bus → ${name} (${eventsConsole(region)}#/eventbus/default/rules/${name})`,
  apiDestination: (region: string, name: string) =>
    `EventBridge console → Integration → API destinations → ${name} (${eventsConsole(region)}#/apidestinations/${name})`,
  connection: (region: string, name: string) =>
    `EventBridge console → Integration → Connections → ${name} (${eventsConsole(region)}#/connection/${name})`,
  stacks: (region: string) =>
    `CloudFormation console → Stacks (or StackSets → Stack instances) in ${region} (https://${region}.console.aws.amazon.com/cloudformation/home?region=${region})`,
  trails: (region: string) => `CloudTrail console → Trails (https://${region}.console.aws.amazon.com/cloudtrail/home?region=${region}#/trails)`,
};
