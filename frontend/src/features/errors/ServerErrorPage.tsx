// Where the server sends a browser whose page it could not answer (/error?status=404): what happened, what to do next,
// and the way back, instead of a server error page.
import { Link, useSearchParams } from 'react-router-dom';

interface Explanation {
  title: string;
  advice: string;
}

const EXPLANATIONS: Record<number, Explanation> = {
  400: {
    title: 'The server could not understand this request.',
    advice: 'Go back and try again. If it keeps happening, start again from the start page.',
  },
  404: {
    title: 'There is no page at this address.',
    advice: 'Check the address, or go to the start page and use the menu.',
  },
  405: {
    title: 'This address cannot be opened this way.',
    advice: 'Open the start page and use the buttons and links of the console.',
  },
  413: {
    title: 'The request was too large for the server.',
    advice: 'Go back and send less at once.',
  },
};

const SERVER_FAILED: Explanation = {
  title: 'Something went wrong on the server.',
  advice:
    'Try again in a moment. If it keeps happening, an administrator finds the cause in the server’s log at this time.',
};

export function explain(status: number): Explanation {
  return EXPLANATIONS[status] ?? SERVER_FAILED;
}

export function ServerErrorPage() {
  const [params] = useSearchParams();
  const status = Number(params.get('status')) || 500;
  const { title, advice } = explain(status);
  return (
    <div className="login-page">
      <div className="login-box">
        <h1>M365 Console</h1>
        <div className="flash flash-error" role="alert">
          <strong>{title}</strong>
          <p>{advice}</p>
          <p className="muted">HTTP status {status}</p>
        </div>
        <p>
          <Link to="/">Go to the start page</Link> · <Link to="/login">Sign in</Link>
        </p>
      </div>
    </div>
  );
}
