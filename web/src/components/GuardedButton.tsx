import { Button, Tooltip, type ButtonProps } from '@mantine/core';
import { useId, type MouseEventHandler, type ReactNode } from 'react';

/**
 * A button that stays visible when the caller may not use it: disabled (aria-disabled, still focusable so keyboard
 * users reach the reason) with the reason as tooltip and accessible description.
 */
export function GuardedButton({
  reason,
  onClick,
  children,
  type = 'button',
  ...props
}: ButtonProps & {
  reason: string | null;
  onClick?: MouseEventHandler<HTMLButtonElement>;
  type?: 'button' | 'submit';
  children: ReactNode;
}) {
  const id = useId();
  if (!reason)
    return (
      <Button type={type} onClick={onClick} {...props}>
        {children}
      </Button>
    );
  return (
    <Tooltip label={reason} multiline maw={320} withArrow>
      <Button
        {...props}
        type="button"
        aria-disabled="true"
        data-disabled
        aria-describedby={id}
        onClick={(event) => event.preventDefault()}
      >
        {children}
        <span id={id} hidden>
          {reason}
        </span>
      </Button>
    </Tooltip>
  );
}
