// "Clear manual overrides" asks first: the manual choices are a manager's work.
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger } from '@fluentui/react-components';
import { useFormats } from '../format';

export function ClearOverridesDialog({ count, onConfirm, disabled }: { count: number; onConfirm(): void; disabled?: boolean }) {
  const f = useFormats();
  return (
    <Dialog modalType="alert">
      <DialogTrigger disableButtonEnhancement>
        <Button disabled={disabled || count === 0}>Clear manual overrides{count > 0 ? ` (${f.integer(count)})` : ''}</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Clear the manual overrides?</DialogTitle>
          <DialogContent>
            {`${f.integer(count)} manual ${count === 1 ? 'choice' : 'choices'} (from the configuration and the Manual columns of the tiers table) will be dropped at the next Apply, and every customer gets its automatic segment. This cannot be undone once applied.`}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">Keep them</Button>
            </DialogTrigger>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="primary" onClick={onConfirm}>
                Clear overrides
              </Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
