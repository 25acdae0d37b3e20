import Box from '@cloudscape-design/components/box';
import ColumnLayout from '@cloudscape-design/components/column-layout';

/** The three ways to deploy the template, with the PrimaryRegion rule of each (README "Deployment methods"). */
const METHODS = [
  {
    title: 'Single region',
    what: 'Create one stack in the region you use.',
    primary: 'Leave PrimaryRegion empty (empty means this stack’s region).',
  },
  {
    title: 'Several regions by hand',
    what: 'Create the stack in your chosen primary region first, then the same file in each other region.',
    primary:
      'In the primary region leave PrimaryRegion empty (or its own name). In every later region you must enter the primary region (e.g. eu-west-1): left empty there, that region would try to create the role again and fail, because IAM names are global.',
  },
  {
    title: 'StackSets',
    what: 'One StackSet deployed to all the regions you want (service- or self-managed; the management account is not included in service-managed StackSets, deploy it separately).',
    primary: 'Enter the name of the primary region: the same for all stack instances (StackSet parameters are shared).',
  },
];

export function DeploymentMethods() {
  return (
    <ColumnLayout columns={3} variant="text-grid">
      {METHODS.map((m) => (
        <div key={m.title}>
          <Box variant="h3">{m.title}</Box>
          <Box variant="p">{m.what}</Box>
          <Box variant="p">
            <strong>PrimaryRegion: </strong>
            {m.primary}
          </Box>
        </div>
      ))}
    </ColumnLayout>
  );
}
