// Every dashboard page loads with the same skeleton.
export { default } from "../../loading";
