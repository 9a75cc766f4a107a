import { Link } from 'react-router';
import { Text } from '@radix-ui/themes';
import { ProductLogo } from '../components/product-logo.component.tsx';
import { NavDrawer } from './nav-drawer.layout.tsx';

/** The bar of narrow screens: the menu (a drawer with the navigation) and the product name. */
export function AppTopbar() {
  return (
    <header className="app-topbar">
      <NavDrawer />
      <Link to="/" className="app-topbar-brand" aria-label="Конструктор интеграций — на главную">
        <ProductLogo size={26} />
        <Text size="2" weight="bold" truncate>
          Конструктор интеграций
        </Text>
      </Link>
    </header>
  );
}
