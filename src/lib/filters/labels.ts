/** How a filter value is shown: labels for coded values, the value itself for names (the registry's rule). */
export { valueLabel as optionLabel } from './dimensions';
