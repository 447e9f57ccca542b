import type { ButtonHTMLAttributes } from 'react';

export interface BigButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className' | 'type'> {
  variant?: 'primary' | 'danger' | 'quiet';
  size?: 'huge' | 'large';
}

/** Touch targets of at least 64px with 7:1 contrast, for every hand and every eye. */
export function BigButton({ variant = 'primary', size = 'large', children, ...rest }: BigButtonProps) {
  return (
    <button type="button" className={`big-button big-button--${variant} big-button--${size}`} {...rest}>
      {children}
    </button>
  );
}
