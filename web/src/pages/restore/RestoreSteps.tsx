import { Stepper } from '@mantine/core';

export type RestoreStep = 'choose' | 'preview' | 'plan' | 'execute';
const ORDER: RestoreStep[] = ['choose', 'preview', 'plan', 'execute'];

/** Where the admin is in a restore: each step has its own URL, this only shows the way through. */
export function RestoreSteps({ step, done = false }: { step: RestoreStep; done?: boolean }) {
  return (
    <Stepper active={done ? ORDER.length : ORDER.indexOf(step)} size="sm" mb="lg" allowNextStepsSelect={false}>
      <Stepper.Step label="Choose" description="Backup, items, target" />
      <Stepper.Step label="Preview" description="Read the target, build the plan" />
      <Stepper.Step label="Review" description="Actions, mappings, confirm" />
      <Stepper.Step label="Execute" description="Per-item results" />
    </Stepper>
  );
}
