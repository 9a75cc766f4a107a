import { Theme } from '@radix-ui/themes';
import { RouterProvider } from 'react-router';
import { router } from './router.tsx';

export function App() {
  return (
    <Theme appearance="dark" accentColor="violet" grayColor="gray" radius="medium" panelBackground="solid">
      <RouterProvider router={router} />
    </Theme>
  );
}
