// A collapsed "all settings as JSON" section under a form, for what the form does not cover (loyalty
// rules, colours and visit frequencies): the same JSON editor the kinds without
// a form use, so nothing in the configuration is out of reach of the pane. The problems in those parts
// show above it even while it is closed.
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel } from '@fluentui/react-components';
import type { SegmentType } from '../../../engine/config';
import { issuesUnder } from '../../state/validation';
import { GroupIssues } from '../FieldIssue';
import { JsonEditor, relativeTo } from './JsonEditor';
import type { EditorProps } from './types';

export interface AsJsonProps<T extends SegmentType> extends EditorProps<T> {
  /** What the section is for, in words. */
  covers: string;
  /** Paths under `path` the form has no field for (`rules`, `segments`): their problems show here. */
  parts: string[];
}

export function AsJson<T extends SegmentType>({ covers, parts, ...props }: AsJsonProps<T>) {
  const uncovered = parts.flatMap((p) => issuesUnder(props.issues, `${props.path}.${p}`));
  return (
    <>
      <GroupIssues issues={relativeTo(uncovered, props.path)} />
      <Accordion collapsible>
        <AccordionItem value="json">
          <AccordionHeader>All settings as JSON ({covers})</AccordionHeader>
          <AccordionPanel>
            <JsonEditor {...props} />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </>
  );
}
