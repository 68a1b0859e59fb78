// Errors shaped like the ones office-js rejects with (a `RichApi.Error` carrying `code`, `message`
// and `debugInfo`). Messages follow the "Error handling with the Excel JavaScript API" table and
// the office-js runtime strings; where Excel's exact wording is not documented the message says so
// by starting with "[sim]".

export type SimErrorCode =
  | 'PropertyNotLoaded'
  | 'ValueNotLoaded'
  | 'InvalidObjectPath'
  | 'InvalidRequestContext'
  | 'RunMustReturnPromise'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'AccessDenied'
  | 'ItemNotFound'
  | 'ItemAlreadyExists'
  | 'ApiNotFound'
  | 'NotImplemented'
  | 'RangeExceedsLimit'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'GeneralException'
  | 'UnsupportedOperation'
  | 'ActivityLimitReached'
  | 'InvalidOrTimedOutSession'
  | 'InvalidOperationInCellEditMode';

const MESSAGES: Record<SimErrorCode, string> = {
  PropertyNotLoaded:
    "The property '{0}' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
  InvalidObjectPath:
    "The object path '{0}' isn't working for what you're trying to do. If you're using the object across multiple \"context.sync\" calls and outside the sequential execution of a \".run\" batch, please use the \"context.trackedObjects.add()\" and \"context.trackedObjects.remove()\" methods to manage the object's lifetime.",
  InvalidRequestContext: 'Cannot use the object across different request contexts.',
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  InvalidOperation: 'The operation attempted is invalid on the object.',
  AccessDenied: 'You cannot perform the requested operation.',
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: 'A resource with the same name or identifier already exists.',
  ApiNotFound:
    'The API you are trying to use could not be found. It may be available in a newer version of Excel. Please see the "Excel JavaScript API requirement sets" article for more information.',
  NotImplemented: "The requested feature isn't implemented.",
  RangeExceedsLimit: 'The cell count in the range has exceeded the maximum supported number.',
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit.',
  ResponsePayloadSizeLimitExceeded: 'The response payload size has exceeded the limit.',
  GeneralException: 'There was an internal error while processing the request.',
  // As quoted in OfficeDev/office-js#2041 (Chart.title on a waterfall chart, Excel 2016).
  UnsupportedOperation: 'This operation is not supported',
  ActivityLimitReached: 'Activity limit has been reached.',
  InvalidOrTimedOutSession: 'Your Office web session has expired or is invalid. To continue, refresh the page.',
  // As quoted in OfficeDev/office-js#856 and #3388.
  InvalidOperationInCellEditMode: 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
};

/** The refusals a test may inject into any API by name (SimOptions.faults): what real Excel answers when a build does not do something. */
export type FaultCode = 'GeneralException' | 'InvalidOperation' | 'UnsupportedOperation' | 'NotImplemented';

export const DIMENSION_MISMATCH =
  "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";

export class SimRichApiError extends Error {
  override name = 'RichApi.Error';
  readonly code: SimErrorCode;
  readonly traceMessages: string[] = [];
  readonly innerError: null = null;
  readonly debugInfo: { code: SimErrorCode; message: string; errorLocation?: string };
  readonly httpStatusCode: number;
  constructor(code: SimErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
    this.httpStatusCode = code === 'ItemNotFound' ? 404 : code.endsWith('SizeLimitExceeded') ? 413 : 400;
  }
}

/** An office-js shaped error; `detail` replaces the standard message (for errors whose text varies). */
export function richError(code: SimErrorCode, arg?: string, location?: string, detail?: string): SimRichApiError {
  const message = detail ?? MESSAGES[code].replace('{0}', arg ?? '');
  return new SimRichApiError(code, message, location);
}

export const propertyNotLoaded = (prop: string, location?: string) =>
  richError('PropertyNotLoaded', prop, location);
