// Rendering helpers for component tests: Fluent's provider and the formats of a fixed locale.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { FormatContext, makeFormats } from '../../src/taskpane/format';

// jsdom has no layout, hence no ResizeObserver; Fluent's MessageBar asks for one. Nothing resizes here.
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

export function renderPane(ui: ReactElement, locale = 'en-US'): RenderResult {
  return render(
    <FluentProvider theme={webLightTheme}>
      <FormatContext.Provider value={makeFormats(locale)}>{ui}</FormatContext.Provider>
    </FluentProvider>,
  );
}
